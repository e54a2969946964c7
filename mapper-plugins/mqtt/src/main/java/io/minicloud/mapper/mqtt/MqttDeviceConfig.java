package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole device, bound: its protocol config and every property with its topics resolved. A
 * property reads from its own {@code topic} or the device's; a writable property publishes to its
 * own {@code commandTopic}, the device's, or one derived from its state topic (see {@link
 * TopicFilter#derivedCommandTopic()}).
 */
public record MqttDeviceConfig(
    String device, MqttProtocolConfig protocol, Map<String, MqttPoint> points) {

  public MqttDeviceConfig {
    points = Map.copyOf(points);
  }

  /**
   * @throws ConfigException listing every invalid field of the device at once
   */
  public static MqttDeviceConfig bind(DeviceSpec spec) throws ConfigException {
    List<FieldError> errors = new ArrayList<>();
    Optional<MqttProtocolConfig> protocol =
        MqttProtocolConfig.bind(spec.name(), spec.protocolConfig(), errors);
    Map<String, MqttPointConfig> configs = new LinkedHashMap<>();
    for (PropertySpec property : spec.properties()) {
      MqttPointConfig.bind(property, errors).ifPresent(c -> configs.put(property.name(), c));
    }
    if (spec.properties().isEmpty()) {
      errors.add(new FieldError("properties", "a device needs at least one property"));
    }
    Map<String, MqttPoint> points = new LinkedHashMap<>();
    for (PropertySpec property : spec.properties()) {
      if (protocol.isPresent() && configs.containsKey(property.name())) {
        point(spec.name(), property, configs.get(property.name()), protocol.get(), errors)
            .ifPresent(p -> points.put(property.name(), p));
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new MqttDeviceConfig(spec.name(), protocol.get(), points);
  }

  private static Optional<MqttPoint> point(
      String device,
      PropertySpec property,
      MqttPointConfig config,
      MqttProtocolConfig protocol,
      List<FieldError> errors) {
    Optional<TopicFilter> topic = config.topic().or(protocol::topic);
    if (topic.isEmpty()) {
      errors.add(
          new FieldError(
              MqttProtocolConfig.field("topic"),
              "required: property " + property.name() + " has no topic of its own"));
      return Optional.empty();
    }
    Optional<String> commandTopic = Optional.empty();
    if (property.writable()) {
      commandTopic =
          config
              .commandTopic()
              .or(protocol::commandTopic)
              .or(() -> topic.get().derivedCommandTopic());
      if (commandTopic.isEmpty()) {
        String field =
            config.topic().isPresent()
                ? property.field("commandTopic")
                : MqttProtocolConfig.field("commandTopic");
        errors.add(
            new FieldError(
                field,
                "required for writable property "
                    + property.name()
                    + ": its state topic "
                    + topic.get()
                    + " has wildcards, so no command topic can be derived from it"));
        return Optional.empty();
      }
    }
    PropertyWatch watch =
        new PropertyWatch(
            new WatchKey(device, property.name()),
            topic.get(),
            config.path(),
            config.rawType(),
            config.transform(),
            config.bytesEncoding());
    Optional<CommandTemplate> command =
        property.writable()
            ? Optional.of(
                config
                    .commandPayload()
                    .orElseGet(() -> CommandTemplate.defaultFor(property.name())))
            : Optional.empty();
    return Optional.of(
        new MqttPoint(
            watch,
            commandTopic,
            command,
            config.bytesEncoding(),
            new PointBinding(config.rawType(), config.transform())));
  }
}
