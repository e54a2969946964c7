package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What to observe and where notifications go.
 *
 * @param key identifies the observation on its link: observing the same key again replaces it (a
 *     device re-attached with a new config)
 * @param maxAge overrides the notifications' Max-Age: how long silence is normal
 * @param listener gets every notification and every error reply, on Californium's thread; it must
 *     be quick and must not throw
 */
public record ObserveRequest(
    String key,
    String path,
    Optional<PayloadFormat> accept,
    Optional<Duration> maxAge,
    Consumer<CoapReply> listener) {

  public ObserveRequest {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(listener, "listener");
  }
}
