package io.minicloud.mapper.coap.payload;

import java.util.Locale;
import java.util.Optional;

/** The CoAP content formats (RFC 7252 §12.3, RFC 8949) the plugin reads and writes. */
public enum PayloadFormat {
  TEXT(0, "text/plain"),
  OCTETS(42, "application/octet-stream"),
  JSON(50, "application/json"),
  CBOR(60, "application/cbor");

  private final int number;
  private final String mediaType;

  PayloadFormat(int number, String mediaType) {
    this.number = number;
    this.mediaType = mediaType;
  }

  /** The Content-Format option value. */
  public int number() {
    return number;
  }

  public String mediaType() {
    return mediaType;
  }

  /** JSON and CBOR hold trees that a {@code jsonPath} walks. */
  public boolean structured() {
    return this == JSON || this == CBOR;
  }

  /** The format with this Content-Format number, if it is one of ours. */
  public static Optional<PayloadFormat> ofNumber(int number) {
    for (PayloadFormat format : values()) {
      if (format.number == number) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a media type ({@code application/json}, also {@code text/plain;charset=utf-8}), a short
   * name ({@code json}, {@code cbor}, {@code text}, {@code octets}) or a Content-Format number.
   *
   * @throws IllegalArgumentException listing the accepted values
   */
  public static PayloadFormat parse(Object value) {
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    for (PayloadFormat format : values()) {
      if (text.equals(format.mediaType)
          || text.equals(String.valueOf(format.number))
          || text.equals(format.name().toLowerCase(Locale.ROOT))
          || (format == TEXT && text.equals("text/plain;charset=utf-8"))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "expected text/plain (0), application/octet-stream (42), application/json (50) or"
            + " application/cbor (60)");
  }
}
