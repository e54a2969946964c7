package io.minicloud.mapper.coap.discovery;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.link.CoapCall;
import io.minicloud.mapper.coap.link.CoapConnection;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.link.CoapReply;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Asks a CoAP server for {@code /.well-known/core} (RFC 6690; block-wise when long) and parses the
 * links. The connection is the plugin's own link, so DTLS credentials work the same as for devices.
 */
public final class CoapDiscovery {
  /** Content-Format of link format (RFC 6690 §7.2). */
  public static final int LINK_FORMAT = 40;

  private CoapDiscovery() {}

  /** Opens a link with {@code settings}, discovers, closes. */
  public static List<WebLink> discover(CoapEndpointSettings settings) throws IOException {
    try (CoapLink link = CoapLink.open(settings)) {
      return discover(link, settings.requestTimeout().toMillis());
    }
  }

  /**
   * @throws DeviceException when the server answers with an error or a body that is not link format
   */
  public static List<WebLink> discover(CoapConnection connection, long timeoutMillis)
      throws IOException {
    CoapCall call =
        new CoapCall(
            CoapCall.Method.GET,
            "/.well-known/core",
            Optional.empty(),
            new byte[0],
            Optional.empty());
    CoapReply reply = connection.exchange(call, timeoutMillis);
    if (!reply.success()) {
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION,
          "GET /.well-known/core on "
              + connection.settings().uri()
              + " answered "
              + reply.status());
    }
    if (reply.contentFormat() >= 0 && reply.contentFormat() != LINK_FORMAT) {
      throw new DeviceException(
          ErrorKind.MALFORMED,
          "/.well-known/core came as Content-Format "
              + reply.contentFormat()
              + ", not link format (40)");
    }
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(reply.payload()))
              .toString();
      return LinkFormatParser.parse(text);
    } catch (CharacterCodingException e) {
      throw new DeviceException(ErrorKind.MALFORMED, "/.well-known/core is not UTF-8");
    } catch (IllegalArgumentException e) {
      throw new DeviceException(ErrorKind.MALFORMED, "/.well-known/core: " + e.getMessage());
    }
  }
}
