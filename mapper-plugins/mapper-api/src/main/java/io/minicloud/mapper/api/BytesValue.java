package io.minicloud.mapper.api;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** Opaque bytes. Defensive copies keep the value immutable; equality is on content. */
public record BytesValue(byte[] value) implements Value {

  public BytesValue {
    value = Objects.requireNonNull(value, "value").clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public int length() {
    return value.length;
  }

  @Override
  public DataType type() {
    return DataType.BYTES;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BytesValue that && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "BytesValue[" + HexFormat.of().formatHex(value) + "]";
  }
}
