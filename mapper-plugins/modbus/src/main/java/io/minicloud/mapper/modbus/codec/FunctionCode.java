package io.minicloud.mapper.modbus.codec;

import java.util.Optional;

/** The Modbus function codes this plugin speaks (Modbus Application Protocol v1.1b3, §6). */
public enum FunctionCode {
  READ_COILS(1, "read coils", true, true),
  READ_DISCRETE_INPUTS(2, "read discrete inputs", true, true),
  READ_HOLDING_REGISTERS(3, "read holding registers", true, false),
  READ_INPUT_REGISTERS(4, "read input registers", true, false),
  WRITE_SINGLE_COIL(5, "write single coil", false, true),
  WRITE_SINGLE_REGISTER(6, "write single register", false, false),
  WRITE_MULTIPLE_COILS(15, "write multiple coils", false, true),
  WRITE_MULTIPLE_REGISTERS(16, "write multiple registers", false, false);

  private final int code;
  private final String label;
  private final boolean read;
  private final boolean bits;

  FunctionCode(int code, String label, boolean read, boolean bits) {
    this.code = code;
    this.label = label;
    this.read = read;
    this.bits = bits;
  }

  public int code() {
    return code;
  }

  /** True for the four read functions. */
  public boolean isRead() {
    return read;
  }

  /** True when the function addresses single bits (coils, discrete inputs). */
  public boolean isBits() {
    return bits;
  }

  /** The most items one request may carry (Modbus spec limits, set by the 253-byte PDU). */
  public int maxQuantity() {
    return switch (this) {
      case READ_COILS, READ_DISCRETE_INPUTS -> 2000;
      case READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS -> 125;
      case WRITE_MULTIPLE_COILS -> 1968;
      case WRITE_MULTIPLE_REGISTERS -> 123;
      case WRITE_SINGLE_COIL, WRITE_SINGLE_REGISTER -> 1;
    };
  }

  public static Optional<FunctionCode> of(int code) {
    for (FunctionCode function : values()) {
      if (function.code == code) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }

  /** For messages: {@code read holding registers (fc 3)}. */
  @Override
  public String toString() {
    return label + " (fc " + code + ")";
  }
}
