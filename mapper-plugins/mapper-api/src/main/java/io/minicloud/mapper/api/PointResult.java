package io.minicloud.mapper.api;

import java.util.Objects;

/**
 * The outcome of reading one property: a raw value, or the error for this property alone (a merged
 * request may fail for some properties and not others).
 */
public record PointResult(String property, Value raw, DeviceException error) {

  public PointResult {
    Objects.requireNonNull(property, "property");
    if ((raw == null) == (error == null)) {
      throw new IllegalArgumentException("exactly one of raw and error must be set");
    }
  }

  public static PointResult ok(String property, Value raw) {
    return new PointResult(property, Objects.requireNonNull(raw, "raw"), null);
  }

  public static PointResult failed(String property, DeviceException error) {
    return new PointResult(property, null, Objects.requireNonNull(error, "error"));
  }

  public boolean isOk() {
    return error == null;
  }
}
