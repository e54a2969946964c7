package io.minicloud.mapper.api;

import java.util.Locale;

/**
 * The data type of a device property. Register-backed protocols need the width in bits to know how
 * many 16-bit registers a value spans; KubeEdge's coarser names ({@code int}, {@code float}, ...)
 * map onto the widest matching type.
 */
public enum DataType {
  BOOL(1, false),
  INT16(16, true),
  UINT16(16, false),
  INT32(32, true),
  UINT32(32, false),
  INT64(64, true),
  UINT64(64, false),
  FLOAT32(32, true),
  FLOAT64(64, true),
  STRING(0, false),
  BYTES(0, false);

  private final int bits;
  private final boolean signed;

  DataType(int bits, boolean signed) {
    this.bits = bits;
    this.signed = signed;
  }

  /** Width in bits; 0 for variable-length types. */
  public int bits() {
    return bits;
  }

  public boolean signed() {
    return signed;
  }

  /** Number of 16-bit registers the type spans, or 0 for variable-length types. */
  public int registers() {
    return bits <= 1 ? (bits == 1 ? 1 : 0) : bits / 16;
  }

  public boolean numeric() {
    return this != STRING && this != BYTES && this != BOOL;
  }

  /**
   * Parses our names ({@code uint32}, {@code float64}, ...) and KubeEdge's ({@code int}, {@code
   * float}, {@code double}, {@code boolean}, {@code string}, {@code bytes}).
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static DataType parse(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("data type is missing");
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "int" -> INT64;
      case "float" -> FLOAT32;
      case "double" -> FLOAT64;
      case "boolean" -> BOOL;
      default -> {
        for (DataType type : values()) {
          if (type.name().toLowerCase(Locale.ROOT).equals(key)) {
            yield type;
          }
        }
        throw new IllegalArgumentException(
            "unknown data type '"
                + name
                + "': expected one of bool, int16, uint16, int32, uint32, int64, uint64,"
                + " float32, float64, string, bytes (or KubeEdge's int, float, double, boolean)");
      }
    };
  }
}
