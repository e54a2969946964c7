package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.api.Transform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binds the {@link Transform} keys of a visitor config. KubeEdge's Modbus visitor already uses
 * {@code offset} for the register address, so the transform's offset is spelled {@code valueOffset}
 * here and renamed before {@link Transform#fromConfig} sees it.
 */
final class TransformBinding {
  /** Visitor key → the key {@link Transform#fromConfig} reads. */
  private static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    for (String key : new String[] {"scale", "mask", "shift", "min", "max", "enum", "base"}) {
      KEYS.put(key, key);
    }
    KEYS.put("valueOffset", "offset");
  }

  private TransformBinding() {}

  static String[] keys() {
    return KEYS.keySet().toArray(String[]::new);
  }

  static Transform bind(ConfigFields f) {
    Map<String, Object> config = new LinkedHashMap<>();
    boolean valid = true;
    for (Map.Entry<String, String> key : KEYS.entrySet()) {
      Object value = f.raw(key.getKey());
      if (value == null) {
        continue;
      }
      // one key at a time first, so each error lands on its own field
      try {
        Transform.fromConfig(Map.of(key.getValue(), value));
        config.put(key.getValue(), value);
      } catch (IllegalArgumentException e) {
        f.error(key.getKey(), reason(e, key.getValue()));
        valid = false;
      }
    }
    if (!valid) {
      return Transform.IDENTITY;
    }
    try {
      return Transform.fromConfig(config);
    } catch (IllegalArgumentException e) {
      // single keys were fine, so the combination is wrong: min above max
      f.error(config.containsKey("max") ? "max" : "min", reason(e, null));
      return Transform.IDENTITY;
    }
  }

  private static String reason(IllegalArgumentException e, String key) {
    String message = e.getMessage().replaceFirst("^invalid transform: ", "");
    return key == null ? message : message.replaceFirst("^" + key + ": ", "");
  }
}
