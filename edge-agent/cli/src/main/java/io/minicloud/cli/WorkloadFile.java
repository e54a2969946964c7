package io.minicloud.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a Workload file ({@code minicloud.io/v1alpha1}, kind Workload; several documents separated
 * by {@code ---}) and checks what the CLI needs before it sends anything: text, size, YAML, the
 * envelope (apiVersion, kind, metadata.name, spec). The spec itself is minicloud-vim's to judge: it
 * answers with the problems, field by field.
 */
final class WorkloadFile {

  static final String API_VERSION = "minicloud.io/v1alpha1";
  static final String KIND = "Workload";
  static final String DEFAULT_NAMESPACE = "default";

  /** A workload with cloud-init is a few KiB; far more is a mistake or an attack. */
  static final int MAX_BYTES = 1024 * 1024;

  static final int MAX_DOCUMENTS = 100;

  /** Kubernetes names used as path segments: DNS-1123 labels (VMs and Services need labels). */
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final String namespace;

  /**
   * @param namespace the namespace for documents that name none ({@code --namespace}); documents
   *     naming another one are refused. Null: {@value #DEFAULT_NAMESPACE}, documents choose.
   */
  WorkloadFile(String namespace) {
    this.namespace = namespace;
  }

  /** Whether {@code name} can be a workload's name or namespace. */
  static boolean isName(String name) {
    return name != null && DNS_LABEL.matcher(name).matches();
  }

  /**
   * The Workload documents of the file, in order.
   *
   * @throws CliFailure (exit 2) naming the file, the document and the field
   */
  List<WorkloadDocument> read(Path file) {
    String text = text(file);
    List<Map.Entry<Integer, Object>> loaded;
    try {
      loaded = new SafeYaml(MAX_BYTES).load(text);
    } catch (SafeYaml.Rejected e) {
      throw refuse(file + ", document " + e.document + ": " + e.getMessage());
    }
    if (loaded.isEmpty()) {
      throw refuse(file + ": no YAML documents (expected kind " + KIND + ")");
    }
    if (loaded.size() > MAX_DOCUMENTS) {
      throw refuse(file + ": " + loaded.size() + " documents; at most " + MAX_DOCUMENTS);
    }
    List<WorkloadDocument> documents = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Map.Entry<Integer, Object> entry : loaded) {
      WorkloadDocument doc = envelope(file.toString(), entry.getKey(), entry.getValue());
      Integer earlier = seen.putIfAbsent(doc.id(), doc.index());
      if (earlier != null) {
        throw refuse(doc.where() + ": " + doc.id() + " is also document " + earlier);
      }
      documents.add(doc);
    }
    return documents;
  }

  private static String text(Path file) {
    if (Files.isDirectory(file)) {
      throw refuse(file + " is a directory, not a Workload file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // Read one byte past the limit rather than trusting the size: /dev/zero has size 0.
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw refuse("cannot read " + file + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw refuse(file + " is larger than " + MAX_BYTES / 1024 + " KiB: not a Workload file");
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw refuse(file + " is binary (a NUL byte at offset " + i + "), not YAML text");
      }
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw refuse(file + " is not UTF-8 text (binary?), not YAML");
    }
  }

  private WorkloadDocument envelope(String source, int index, Object value) {
    String where = source + ", document " + index;
    if (!(value instanceof Map<?, ?> raw)) {
      throw refuse(where + ": a " + shape(value) + ", not a Workload (a mapping with kind)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> body = new LinkedHashMap<>((Map<String, Object>) raw);
    Object kind = body.get("kind");
    if (kind == null) {
      throw refuse(where + ": kind: missing (expected " + KIND + ")");
    }
    if (!KIND.equals(kind)) {
      throw refuse(
          where
              + ": kind: '"
              + kind
              + "' is not "
              + KIND
              + " (minicloud-vim only takes "
              + KIND
              + " documents)");
    }
    Object apiVersion = body.get("apiVersion");
    if (apiVersion == null) {
      throw refuse(where + ": apiVersion: missing (expected " + API_VERSION + ")");
    }
    if (!API_VERSION.equals(apiVersion)) {
      throw refuse(where + ": apiVersion: '" + apiVersion + "' is not " + API_VERSION);
    }
    if (!(body.get("metadata") instanceof Map<?, ?> rawMetadata)) {
      throw refuse(where + ": metadata: missing (metadata.name names the workload)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) rawMetadata);
    Object name = metadata.get("name");
    if (name == null) {
      throw refuse(where + ": metadata.name: missing");
    }
    if (!(name instanceof String n) || !isName(n)) {
      throw refuse(
          where
              + ": metadata.name: '"
              + name
              + "' is not a DNS-1123 label"
              + " (lower-case letters, digits and '-', at most 63)");
    }
    String ns = namespace(where, metadata.get("namespace"));
    metadata.put("namespace", ns);
    body.put("metadata", metadata);
    if (!(body.get("spec") instanceof Map<?, ?>)) {
      throw refuse(where + ": spec: " + (body.get("spec") == null ? "missing" : "not a mapping"));
    }
    return new WorkloadDocument(source, index, ns, n, body);
  }

  private String namespace(String where, Object given) {
    if (given == null) {
      return namespace == null ? DEFAULT_NAMESPACE : namespace;
    }
    if (!(given instanceof String ns) || !isName(ns)) {
      throw refuse(where + ": metadata.namespace: '" + given + "' is not a DNS-1123 label");
    }
    if (namespace != null && !namespace.equals(ns)) {
      throw refuse(
          where + ": metadata.namespace is '" + ns + "', but --namespace is '" + namespace + "'");
    }
    return ns;
  }

  private static String shape(Object value) {
    if (value instanceof List<?>) {
      return "list";
    }
    return value instanceof String ? "string" : "scalar";
  }

  private static CliFailure refuse(String message) {
    return new CliFailure(2, message);
  }
}
