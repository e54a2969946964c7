package io.minicloud.mapper.api.tls;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password: a broker login or a key store's. It never shows in {@code toString}, so it cannot
 * leak through a record's toString, a log line or an exception message built by concatenation.
 */
public final class Secret {
  private static final String MASK = "****";
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(Objects.requireNonNull(value, "value").toCharArray());
  }

  public static Secret of(char[] value) {
    return new Secret(value.clone());
  }

  /** A copy of the characters, for the one place that hands them on; the caller may wipe it. */
  public char[] chars() {
    return value.clone();
  }

  /** The UTF-8 bytes, as MQTT 5 sends a password. */
  public byte[] utf8() {
    var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  public boolean isEmpty() {
    return value.length == 0;
  }

  /** {@code text} with every occurrence of this secret masked: for text from third parties. */
  public String scrub(String text) {
    if (text == null || value.length == 0) {
      return text;
    }
    return text.replace(new String(value), MASK);
  }

  @Override
  public String toString() {
    return MASK;
  }

  /**
   * Equal by value, in constant time: two devices' settings are compared when they want to share
   * one connection, and that comparison must not tell how much of a password matched.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && MessageDigest.isEqual(utf8(), that.utf8());
  }

  /** The same for every secret: a hash of the value would tell something about it. */
  @Override
  public int hashCode() {
    return Secret.class.hashCode();
  }
}
