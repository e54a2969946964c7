package io.minicloud.tetherbridge.devices;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-keeping unmodifiable copies of the opaque config maps (nulls allowed as values). */
final class Immutables {
  private Immutables() {}

  static Map<String, Object> deepCopy(Map<String, Object> map) {
    if (map == null) {
      return Map.of();
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, copyValue(v)));
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      return deepCopy((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(e -> copy.add(copyValue(e)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
