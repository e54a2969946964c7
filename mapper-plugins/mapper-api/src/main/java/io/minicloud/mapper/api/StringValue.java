package io.minicloud.mapper.api;

import java.util.Objects;

/** A text value, or the label an enum map gave a raw code. */
public record StringValue(String value) implements Value {

  public StringValue {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public DataType type() {
    return DataType.STRING;
  }
}
