package io.minicloud.mapper.coap.link;

import java.util.Objects;

/**
 * One CoAP response or notification, independent of Californium.
 *
 * @param code the response code as {@code c.dd} ({@code 2.05}, {@code 4.04})
 * @param name its RFC 7252 name ({@code Content}, {@code Not Found})
 * @param contentFormat the Content-Format option, or -1 without one
 * @param maxAgeSeconds the Max-Age option (60 when absent, RFC 7252 §5.10.5)
 * @param notification true when it carries an Observe option: the server keeps us registered
 */
public record CoapReply(
    String code,
    String name,
    int contentFormat,
    byte[] payload,
    long maxAgeSeconds,
    boolean notification) {

  public static final long DEFAULT_MAX_AGE_SECONDS = 60;

  public CoapReply {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(payload, "payload");
  }

  /** A 2.xx code. */
  public boolean success() {
    return code.startsWith("2.");
  }

  /** {@code 4.04 Not Found}. */
  public String status() {
    return code + " " + name;
  }
}
