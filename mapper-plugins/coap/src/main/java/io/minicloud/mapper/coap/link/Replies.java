package io.minicloud.mapper.coap.link;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;

/** Californium responses as {@link CoapReply}s. */
final class Replies {
  private Replies() {}

  static CoapReply of(Response response) {
    CoAP.ResponseCode code = response.getCode();
    OptionSet options = response.getOptions();
    byte[] payload = response.getPayload();
    return new CoapReply(
        code.codeClass + "." + String.format("%02d", code.codeDetail),
        name(code),
        options.hasContentFormat() ? options.getContentFormat() : -1,
        payload == null ? new byte[0] : payload,
        options.hasMaxAge() ? options.getMaxAge() : CoapReply.DEFAULT_MAX_AGE_SECONDS,
        options.hasObserve());
  }

  /** {@code NOT_FOUND} → {@code Not Found}. */
  static String name(CoAP.ResponseCode code) {
    StringBuilder name = new StringBuilder();
    for (String word : code.name().split("_")) {
      if (!name.isEmpty()) {
        name.append(' ');
      }
      name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
    }
    return name.toString();
  }
}
