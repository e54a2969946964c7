package io.minicloud.mapper.modbus.codec;

import java.util.Locale;
import java.util.Optional;

/** The exception codes a Modbus server answers with (spec §7), named as the spec names them. */
public enum ExceptionCode {
  ILLEGAL_FUNCTION(0x01, "illegal function"),
  ILLEGAL_DATA_ADDRESS(0x02, "illegal data address"),
  ILLEGAL_DATA_VALUE(0x03, "illegal data value"),
  SERVER_DEVICE_FAILURE(0x04, "server device failure"),
  ACKNOWLEDGE(0x05, "acknowledge"),
  SERVER_DEVICE_BUSY(0x06, "server device busy"),
  MEMORY_PARITY_ERROR(0x08, "memory parity error"),
  GATEWAY_PATH_UNAVAILABLE(0x0A, "gateway path unavailable"),
  GATEWAY_TARGET_NO_RESPONSE(0x0B, "gateway target device failed to respond");

  private final int code;
  private final String label;

  ExceptionCode(int code, String label) {
    this.code = code;
    this.label = label;
  }

  public int code() {
    return code;
  }

  /** The spec's name, lower case: {@code illegal data address}. */
  public String label() {
    return label;
  }

  public static Optional<ExceptionCode> of(int code) {
    for (ExceptionCode exception : values()) {
      if (exception.code == code) {
        return Optional.of(exception);
      }
    }
    return Optional.empty();
  }

  /** {@code illegal data address (exception 2)}; unknown codes are shown in hex. */
  public static String describe(int code) {
    return of(code)
        .map(e -> e.label + " (exception " + code + ")")
        .orElse(String.format(Locale.ROOT, "unknown exception 0x%02X", code));
  }
}
