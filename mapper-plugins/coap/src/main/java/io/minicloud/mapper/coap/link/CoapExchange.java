package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import java.io.IOException;
import java.util.function.Function;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.dtls.DtlsHandshakeTimeoutException;
import org.eclipse.californium.scandium.dtls.HandshakeException;

/**
 * One synchronous request through Californium, with its failures sorted: no reply is a {@link
 * ErrorKind#TIMEOUT}, a reset is the device's refusal, a DTLS handshake that fails or times out is
 * a link failure (an {@link IOException} that is not a {@link DeviceException}), so the core
 * reconnects with backoff and shows the reason.
 */
final class CoapExchange {
  private final CoapEndpointSettings settings;
  private final Function<String, CoapClient> clients;

  CoapExchange(CoapEndpointSettings settings, Function<String, CoapClient> clients) {
    this.settings = settings;
    this.clients = clients;
  }

  CoapReply send(CoapCall call, long timeoutMillis) throws IOException {
    Request request = request(call);
    CoapClient client = clients.apply(settings.uri() + call.path());
    client.setTimeout(timeoutMillis);
    CoapResponse response;
    try {
      response = client.advanced(request);
    } catch (ConnectorException e) {
      throw linkFailure(call, e);
    } catch (IOException e) {
      // Californium hands failures over as an IOException around their cause: a body over
      // MAX_RESOURCE_BODY_SIZE is the device's doing (an IllegalStateException), the rest the
      // link's
      if (e.getCause() instanceof IllegalStateException tooLarge) {
        throw new DeviceException(
            ErrorKind.MALFORMED,
            call.describe()
                + " on "
                + settings.uri()
                + ": "
                + tooLarge.getMessage()
                + " (maxBodySize "
                + settings.maxBodySize()
                + ")");
      }
      throw linkFailure(call, e);
    }
    if (response == null) {
      if (request.getSendError() != null) {
        throw linkFailure(call, request.getSendError());
      }
      if (request.isRejected()) {
        throw new DeviceException(
            ErrorKind.DEVICE_EXCEPTION,
            call.describe() + " on " + settings.uri() + " was reset (RST) by the device");
      }
      request.cancel();
      throw new DeviceException(
          ErrorKind.TIMEOUT,
          "no reply to "
              + call.describe()
              + " from "
              + settings.uri()
              + " within "
              + timeoutMillis
              + " ms");
    }
    return Replies.of(response.advanced());
  }

  private static Request request(CoapCall call) {
    Request request =
        new Request(
            switch (call.method()) {
              case GET -> CoAP.Code.GET;
              case PUT -> CoAP.Code.PUT;
              case POST -> CoAP.Code.POST;
              case DELETE -> CoAP.Code.DELETE;
            },
            CoAP.Type.CON);
    call.accept().ifPresent(a -> request.getOptions().setAccept(a.number()));
    call.contentFormat().ifPresent(f -> request.getOptions().setContentFormat(f.number()));
    if (call.payload().length > 0) {
      request.setPayload(call.payload());
    }
    return request;
  }

  /** The cause's own words (an alert, "handshake timeout"), never a key: Scandium logs none. */
  private IOException linkFailure(CoapCall call, Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null
        && !(root instanceof HandshakeException)
        && !(root instanceof DtlsHandshakeTimeoutException)) {
      root = root.getCause();
    }
    String what =
        root instanceof DtlsHandshakeTimeoutException
            ? "the DTLS handshake timed out (no DTLS server there, or it dropped our credentials)"
            : root instanceof HandshakeException
                ? "the DTLS handshake failed: " + root.getMessage()
                : String.valueOf(root.getMessage());
    return new IOException(call.describe() + " on " + settings.uri() + " failed: " + what, cause);
  }
}
