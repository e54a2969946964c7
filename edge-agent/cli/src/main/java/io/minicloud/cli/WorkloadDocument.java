package io.minicloud.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Workload document of a file, its envelope checked: what {@code minicloud deploy} sends.
 *
 * @param source the file, as the user named it
 * @param index the document's 1-based index in the file (empty documents count)
 * @param body the document as JSON values, {@code metadata.namespace} filled in
 */
record WorkloadDocument(
    String source, int index, String namespace, String name, Map<String, Object> body) {

  WorkloadDocument {
    // In the file's order, so what is sent (and --dry-run --json prints) reads like the file.
    body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
  }

  /** {@code web.yaml, document 2}: where a message points. */
  String where() {
    return source + ", document " + index;
  }

  /** {@code namespace/name}, as the VIM and kubectl say it. */
  String id() {
    return namespace + "/" + name;
  }

  /** {@code spec.kind}, or {@code ?} when missing (the VIM says what is wrong with it). */
  String kind() {
    return body.get("spec") instanceof Map<?, ?> spec && spec.get("kind") instanceof String k
        ? k
        : "?";
  }
}
