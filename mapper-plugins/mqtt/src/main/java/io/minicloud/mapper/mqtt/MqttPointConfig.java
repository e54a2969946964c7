package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A property's {@code visitors.configData}: where its value is in the device's payloads, how a
 * write is published, and the transform the core applies. See the module README for every key.
 *
 * @param rawType the type read from JSON and written back; the property's type unless {@code
 *     rawType} says otherwise (an {@code enum} maps integer codes to the property's labels)
 */
public record MqttPointConfig(
    JsonPath path,
    Optional<TopicFilter> topic,
    Optional<String> commandTopic,
    Optional<CommandTemplate> commandPayload,
    DataType rawType,
    BytesEncoding bytesEncoding,
    Transform transform) {

  static final List<String> TRANSFORM_KEYS =
      List.of("scale", "offset", "mask", "shift", "min", "max", "enum", "base");
  private static final List<String> NUMERIC_ONLY = List.of("scale", "offset", "min", "max");
  private static final List<String> INTEGER_ONLY = List.of("mask", "shift", "enum", "base");
  static final Set<String> KEYS = new LinkedHashSet<>();

  static {
    KEYS.addAll(
        List.of("jsonPath", "topic", "commandTopic", "commandPayload", "rawType", "bytesEncoding"));
    KEYS.addAll(TRANSFORM_KEYS);
  }

  /**
   * Binds the property's visitor config, adding every problem to {@code errors}.
   *
   * @return the config, or empty when there were errors
   */
  static Optional<MqttPointConfig> bind(PropertySpec property, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(property.visitorConfig(), property::field, errors);
    fields.rejectUnknown(KEYS);
    JsonPath path = null;
    Optional<String> pathText = fields.text("jsonPath");
    if (pathText.isEmpty() && !fields.has("jsonPath")) {
      fields.error("jsonPath", "required: where the value is in the payload, e.g. $.ENERGY.Power");
    }
    try {
      path = pathText.map(JsonPath::parse).orElse(null);
    } catch (IllegalArgumentException e) {
      fields.error("jsonPath", e.getMessage());
    }
    Optional<TopicFilter> topic =
        fields.text("topic").flatMap(t -> MqttProtocolConfig.topicFilter(fields, "topic", t));
    Optional<String> commandTopic =
        fields
            .text("commandTopic")
            .flatMap(t -> MqttProtocolConfig.topicName(fields, "commandTopic", t));
    Optional<CommandTemplate> command = template(fields);
    for (String key : List.of("commandTopic", "commandPayload")) {
      if (fields.has(key) && !property.writable()) {
        fields.error(key, "the property is not writable (ReadWrite in the DeviceModel)");
      }
    }
    DataType rawType = property.type();
    Optional<String> rawTypeText = fields.text("rawType");
    try {
      rawType = rawTypeText.map(DataType::parse).orElse(property.type());
    } catch (IllegalArgumentException e) {
      fields.error("rawType", e.getMessage());
    }
    BytesEncoding encoding = BytesEncoding.BASE64;
    try {
      encoding =
          fields.text("bytesEncoding").map(BytesEncoding::parse).orElse(BytesEncoding.BASE64);
    } catch (IllegalArgumentException e) {
      fields.error("bytesEncoding", e.getMessage());
    }
    Transform transform = transform(property, fields, rawType);
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new MqttPointConfig(path, topic, commandTopic, command, rawType, encoding, transform));
  }

  private static Optional<CommandTemplate> template(ConfigFields fields) {
    Optional<String> text = fields.text("commandPayload");
    try {
      return text.map(CommandTemplate::parse);
    } catch (IllegalArgumentException e) {
      fields.error("commandPayload", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Binds the transform keys one at a time, so a bad value is reported at its own field, then
   * together for the checks between keys (min above max). Keys that the raw type would silently
   * ignore are errors: a {@code scale} on a string property does nothing, which is never meant.
   */
  private static Transform transform(PropertySpec property, ConfigFields fields, DataType rawType) {
    Map<String, Object> config = new HashMap<>();
    boolean valid = true;
    for (String key : TRANSFORM_KEYS) {
      Object value = fields.present(key);
      if (value == null) {
        valid &= !fields.has(key);
        continue;
      }
      try {
        Transform.fromConfig(Map.of(key, value));
        config.put(key, value);
      } catch (IllegalArgumentException e) {
        fields.error(key, e.getMessage());
        valid = false;
      }
      boolean integer =
          rawType.numeric() && rawType != DataType.FLOAT32 && rawType != DataType.FLOAT64;
      if (INTEGER_ONLY.contains(key) && !integer) {
        fields.error(
            key, "applies to integer raw types, and rawType is " + name(rawType) + hint(property));
        valid = false;
      } else if (NUMERIC_ONLY.contains(key) && !rawType.numeric()) {
        fields.error(
            key, "applies to numeric raw types, and rawType is " + name(rawType) + hint(property));
        valid = false;
      }
    }
    if (!valid) {
      return Transform.IDENTITY;
    }
    try {
      return Transform.fromConfig(config);
    } catch (IllegalArgumentException e) {
      // each key bound on its own above, so what fails here is between keys: min above max
      fields.error(config.containsKey("min") ? "min" : "max", e.getMessage());
      return Transform.IDENTITY;
    }
  }

  private static String hint(PropertySpec property) {
    return property.visitorConfig().containsKey("rawType")
        ? ""
        : " (the property's type; set rawType, e.g. int64, when the device sends numbers)";
  }

  private static String name(DataType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
