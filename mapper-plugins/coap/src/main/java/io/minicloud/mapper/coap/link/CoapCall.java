package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One request: method, resource path (with an optional query), and for PUT/POST a body.
 *
 * @param accept the Accept option; empty sends none
 * @param contentFormat the body's format; empty for GET and DELETE
 */
public record CoapCall(
    Method method,
    String path,
    Optional<PayloadFormat> accept,
    byte[] payload,
    Optional<PayloadFormat> contentFormat) {

  /** The CoAP methods the plugin sends. */
  public enum Method {
    GET,
    PUT,
    POST,
    DELETE
  }

  public CoapCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(contentFormat, "contentFormat");
  }

  public static CoapCall get(String path, Optional<PayloadFormat> accept) {
    return new CoapCall(Method.GET, path, accept, new byte[0], Optional.empty());
  }

  /** {@code PUT /setpoint} for messages. */
  public String describe() {
    return method + " " + path;
  }
}
