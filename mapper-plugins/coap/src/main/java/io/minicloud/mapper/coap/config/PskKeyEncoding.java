package io.minicloud.mapper.coap.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the key file of a DTLS pre-shared key holds the key.
 *
 * <ul>
 *   <li>{@code raw} (default): the file's bytes are the key, without one trailing newline ({@code
 *       \n} or {@code \r\n}) so that {@code echo secret > file} works. libcoap's {@code -k secret}
 *       uses the same bytes.
 *   <li>{@code hex}: two hex digits per byte, whitespace ignored ({@code openssl rand -hex 16}).
 * </ul>
 */
public enum PskKeyEncoding {
  RAW,
  HEX;

  /** The most a PSK may be: RFC 4279 allows 2^16-1 bytes, but real keys are 16 to 64. */
  public static final int MAX_KEY_BYTES = 1024;

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static PskKeyEncoding parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "raw" -> RAW;
      case "hex" -> HEX;
      default -> throw new IllegalArgumentException("expected raw or hex");
    };
  }

  /**
   * Reads the key. The caller wipes the array when done.
   *
   * @throws IOException naming the file and what is wrong, never its content
   */
  public byte[] read(Path file) throws IOException {
    if (Files.size(file) > MAX_KEY_BYTES * 2L + 2) {
      throw new IOException(file + " is too large for a pre-shared key");
    }
    byte[] content = Files.readAllBytes(file);
    try {
      byte[] key =
          switch (this) {
            case RAW -> withoutTrailingNewline(content);
            case HEX -> hex(file, content);
          };
      if (key.length == 0) {
        throw new IOException(file + " holds an empty pre-shared key");
      }
      if (key.length > MAX_KEY_BYTES) {
        throw new IOException(file + " holds a key longer than " + MAX_KEY_BYTES + " bytes");
      }
      return key;
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static byte[] withoutTrailingNewline(byte[] content) {
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end--;
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
    }
    return Arrays.copyOf(content, end);
  }

  private static byte[] hex(Path file, byte[] content) throws IOException {
    StringBuilder digits = new StringBuilder();
    for (byte b : content) {
      if (!Character.isWhitespace(b)) {
        digits.append((char) (b & 0xFF));
      }
    }
    try {
      return HexFormat.of().parseHex(digits.toString().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // the parser's message quotes the text: say only that it is not hex
      throw new IOException(file + " is not a hex key (pskKeyEncoding: hex)");
    } finally {
      digits.setLength(0);
    }
  }
}
