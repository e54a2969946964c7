package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Value;
import java.time.Instant;
import java.util.Objects;

/**
 * What the latest message for one property said: a raw value, or why it held none.
 *
 * @param topic the topic the message arrived on (a wildcard filter matches many)
 * @param receivedAt when it arrived, for {@code maxAge}
 * @param value the raw value, null when the message held none
 * @param error why it held none ({@link ErrorKind#MALFORMED}, {@link ErrorKind#DECODE}), or null
 */
public record Reading(String topic, Instant receivedAt, Value value, DeviceException error) {

  public Reading {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if ((value == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of value and error must be set");
    }
  }

  public boolean isValue() {
    return value != null;
  }
}
