package io.minicloud.mapper.api;

import java.util.Objects;

/**
 * How the core turns one property's raw value into its engineering value and back.
 *
 * @param rawType the type the driver reads and writes (a Modbus register pair may be {@code int32}
 *     while the property is a {@code float64} after scaling)
 * @param transform applied by the core: {@link Transform#read} after a read, {@link
 *     Transform#write} before a write
 */
public record PointBinding(DataType rawType, Transform transform) {
  public PointBinding {
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(transform, "transform");
  }
}
