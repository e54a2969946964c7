package io.minicloud.charagent.output;

import java.util.LinkedHashMap;

/**
 * A YAML mapping in insertion order that drops null values: unknown facts are omitted from the
 * TOSCA document, never written as null or as "unknown" where the type is numeric.
 */
final class ToscaMap extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  @Override
  public Object put(String key, Object value) {
    return value == null ? null : super.put(key, value);
  }
}
