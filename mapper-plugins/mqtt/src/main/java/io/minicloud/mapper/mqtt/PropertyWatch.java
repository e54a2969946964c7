package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.api.json.JsonValueConverter;
import io.minicloud.mapper.api.json.ParsedPayload;
import java.time.Instant;
import java.util.Objects;

/**
 * What a connection must do for one property: which topics carry it, where in the payload it is,
 * and which raw type it becomes.
 *
 * @param numberBase the property's transform, for its {@code base} (integers sent as text)
 */
public record PropertyWatch(
    WatchKey key,
    TopicFilter filter,
    JsonPath path,
    DataType rawType,
    Transform numberBase,
    BytesEncoding bytesEncoding) {

  public PropertyWatch {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(numberBase, "numberBase");
    Objects.requireNonNull(bytesEncoding, "bytesEncoding");
  }

  /** Extracts this property from one message that arrived on a topic the filter matches. */
  public Reading extract(String topic, ParsedPayload payload, Instant receivedAt) {
    if (payload instanceof ParsedPayload.Malformed m) {
      return failed(
          topic,
          receivedAt,
          ErrorKind.MALFORMED,
          "payload on " + topic + " is not JSON: " + m.reason());
    }
    if (!(payload instanceof ParsedPayload.Json json)) {
      throw new IllegalArgumentException("an oversize payload is dropped before extraction");
    }
    JsonPath.Match match = path.evaluate(json.root());
    if (!match.found()) {
      return failed(
          topic,
          receivedAt,
          ErrorKind.DECODE,
          path + " is not in the payload on " + topic + ": " + match.missing());
    }
    try {
      return new Reading(
          topic,
          receivedAt,
          JsonValueConverter.convert(match.value(), rawType, numberBase, bytesEncoding),
          null);
    } catch (DeviceException e) {
      return failed(
          topic, receivedAt, ErrorKind.DECODE, path + " on " + topic + ": " + e.getMessage());
    }
  }

  private static Reading failed(String topic, Instant at, ErrorKind kind, String message) {
    return new Reading(topic, at, null, new DeviceException(kind, message));
  }
}
