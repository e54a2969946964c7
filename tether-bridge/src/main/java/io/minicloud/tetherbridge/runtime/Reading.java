package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.api.Value;
import java.time.Instant;
import java.util.Objects;

/**
 * One engineering value of one property, or why there is none.
 *
 * @param value null when {@code quality} is BAD
 * @param error what went wrong (BAD readings), null otherwise
 */
public record Reading(
    Value value, Quality quality, Instant timestamp, ErrorKind errorKind, String error) {

  public Reading {
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(timestamp, "timestamp");
    if ((value == null) != (quality == Quality.BAD)) {
      throw new IllegalArgumentException("a BAD reading has no value, any other has one");
    }
  }

  public static Reading good(Value value, Instant at) {
    return new Reading(value, Quality.GOOD, at, null, null);
  }

  public static Reading bad(ErrorKind kind, String error, Instant at) {
    return new Reading(null, Quality.BAD, at, kind, error);
  }
}
