package io.minicloud.rear.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token for {@code Authorization: Bearer}. It never shows in {@code toString}, so it cannot
 * leak through a record's toString, a log line or an exception message built by concatenation.
 */
public final class BearerToken {

  private final String value;

  private BearerToken(String value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when blank or holding characters a header cannot carry (the
   *     message never repeats the token)
   */
  public static BearerToken of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the bearer token is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(
            "the bearer token holds a space, control or non-ASCII character at index " + i);
      }
    }
    return new BearerToken(value);
  }

  /** The first line of {@code file}, trimmed: token files usually end with a newline. */
  public static BearerToken fromFile(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    try {
      return of(text.lines().findFirst().orElse(""));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The header value; only the HTTP request builder calls this. */
  String headerValue() {
    return "Bearer " + value;
  }

  /** {@code text} with the token masked: for anything a peer sent back that might echo it. */
  String scrub(String text) {
    return text == null ? null : text.replace(value, "****");
  }

  @Override
  public String toString() {
    return "****";
  }
}
