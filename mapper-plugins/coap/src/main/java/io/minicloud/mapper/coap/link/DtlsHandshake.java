package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import java.io.IOException;
import java.util.Optional;

/**
 * Completes the DTLS handshake when a {@code coaps} link opens, with a GET of {@code
 * /.well-known/core}: any reply, 4.04 included, proves the session works. A handshake that never
 * completes is reported as such: a wrong PSK makes some servers (libcoap) drop the handshake
 * without an alert, so silence is the only symptom.
 */
final class DtlsHandshake {
  private DtlsHandshake() {}

  static void complete(CoapLink link, CoapEndpointSettings settings) throws IOException {
    long timeout = settings.requestTimeout().toMillis();
    try {
      link.exchange(
          new CoapCall(
              CoapCall.Method.GET,
              "/.well-known/core",
              Optional.empty(),
              new byte[0],
              Optional.empty()),
          timeout);
    } catch (DeviceException e) {
      throw new IOException(
          "DTLS handshake with "
              + settings.uri()
              + " did not complete within "
              + timeout
              + " ms: wrong PSK identity or key, an untrusted certificate, or no DTLS server"
              + " there ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
