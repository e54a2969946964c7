package io.minicloud.tetherbridge.northbound;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A password. It never shows in {@code toString}, so it cannot leak through a record's toString, a
 * log line or an exception message built by concatenation.
 */
public final class Secret {
  private static final String MASK = "****";
  private final char[] value;

  private Secret(char[] value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(value.toCharArray());
  }

  public static Secret of(char[] value) {
    return new Secret(value.clone());
  }

  /** A copy of the characters; the caller may wipe it. */
  public char[] chars() {
    return value.clone();
  }

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

  // Two secrets are never "equal" by value in a log or a map key; identity is enough.
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
