package io.minicloud.mapper.api.json;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How a {@code bytes} property travels inside JSON, which has no byte type: as a string in standard
 * base64 (RFC 4648, padding optional on read) or in hex (two digits a byte, either case on read,
 * lower case on write).
 */
public enum BytesEncoding {
  BASE64,
  HEX;

  /**
   * Parses {@code base64} or {@code hex}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static BytesEncoding parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "base64" -> BASE64;
      case "hex" -> HEX;
      default -> throw new IllegalArgumentException("expected base64 or hex, got '" + text + "'");
    };
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not in this encoding
   */
  public byte[] decode(String text) {
    return switch (this) {
      case BASE64 -> Base64.getDecoder().decode(text.trim());
      case HEX -> HexFormat.of().parseHex(text.trim().toLowerCase(Locale.ROOT));
    };
  }

  public String encode(byte[] bytes) {
    return switch (this) {
      case BASE64 -> Base64.getEncoder().encodeToString(bytes);
      case HEX -> HexFormat.of().formatHex(bytes);
    };
  }
}
