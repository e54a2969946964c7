package io.minicloud.mapper.api;

/** A boolean (coil, discrete input, flag). */
public record BoolValue(boolean value) implements Value {

  @Override
  public DataType type() {
    return DataType.BOOL;
  }
}
