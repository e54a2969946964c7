package io.minicloud.mapper.api;

/**
 * A typed property value, as read from or written to a device. Numbers are never carried as
 * strings: integers (including uint64) are {@link LongValue}, floating point is {@link
 * DoubleValue}.
 */
public sealed interface Value permits BoolValue, LongValue, DoubleValue, StringValue, BytesValue {

  /** The data type this value has on the device (or after a transform). */
  DataType type();
}
