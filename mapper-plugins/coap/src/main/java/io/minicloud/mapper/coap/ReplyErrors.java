package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.coap.link.CoapReply;
import java.nio.charset.StandardCharsets;

/**
 * Error replies as {@link DeviceException}s that name the code ({@code 4.04 Not Found}) and, when
 * the server gave one, its diagnostic payload (RFC 7252 §5.5.2), shortened and stripped of control
 * characters: it comes from the network.
 */
final class ReplyErrors {
  private static final int MAX_DIAGNOSTIC = 120;

  private ReplyErrors() {}

  static DeviceException of(String request, String uri, CoapReply reply) {
    String message = request + " on " + uri + " answered " + reply.status() + diagnostic(reply);
    return new DeviceException(ErrorKind.DEVICE_EXCEPTION, message);
  }

  private static String diagnostic(CoapReply reply) {
    if (reply.payload().length == 0 || reply.contentFormat() > 0) {
      return "";
    }
    String text = new String(reply.payload(), StandardCharsets.UTF_8);
    StringBuilder clean = new StringBuilder();
    text.codePoints()
        .limit(MAX_DIAGNOSTIC)
        .forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return ": " + clean.toString().strip();
  }
}
