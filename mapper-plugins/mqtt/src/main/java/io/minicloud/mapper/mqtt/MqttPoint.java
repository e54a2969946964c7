package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.json.BytesEncoding;
import java.util.Objects;
import java.util.Optional;

/**
 * One property, bound: what to watch for reads, where and what to publish for writes, and how the
 * core transforms its raw value.
 *
 * @param commandTopic empty for read-only properties
 * @param command empty for read-only properties
 */
public record MqttPoint(
    PropertyWatch watch,
    Optional<String> commandTopic,
    Optional<CommandTemplate> command,
    BytesEncoding bytesEncoding,
    PointBinding binding) {

  public MqttPoint {
    Objects.requireNonNull(watch, "watch");
    Objects.requireNonNull(commandTopic, "commandTopic");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(bytesEncoding, "bytesEncoding");
    Objects.requireNonNull(binding, "binding");
  }

  public String property() {
    return watch.key().property();
  }

  public boolean writable() {
    return commandTopic.isPresent();
  }
}
