package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.link.CoapCall;
import io.minicloud.mapper.coap.link.CoapConnection;
import io.minicloud.mapper.coap.link.CoapReply;
import io.minicloud.mapper.coap.link.Notification;
import io.minicloud.mapper.coap.link.ObserveRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake CoAP endpoint for unit and contract tests (no network): replies are scripted per request
 * ({@code GET /temp}), a request without one times out, every request is recorded, and {@link
 * #notify} plays a notification to the observations of a path.
 */
final class ScriptedCoapConnection implements CoapConnection {
  private final CoapEndpointSettings settings;
  private final Map<String, Deque<CoapReply>> replies = new HashMap<>();
  private final List<CoapCall> requests = new ArrayList<>();
  private final Map<String, ObserveRequest> observations = new HashMap<>();
  private final Map<String, Notification> latest = new HashMap<>();
  private final Clock clock;
  private boolean open = true;

  ScriptedCoapConnection(CoapEndpointSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Scripts the next reply to {@code request} ({@code "GET /temp"}). */
  ScriptedCoapConnection reply(String request, CoapReply reply) {
    replies.computeIfAbsent(request, k -> new ArrayDeque<>()).add(reply);
    return this;
  }

  /** Delivers a notification to every observation of {@code path}. */
  void notify(String path, CoapReply reply) {
    observations.values().stream()
        .filter(o -> o.path().equals(path))
        .forEach(
            o -> {
              latest.put(o.key(), new Notification(reply, clock.instant()));
              o.listener().accept(reply);
            });
  }

  List<CoapCall> requests() {
    return requests;
  }

  Map<String, ObserveRequest> observations() {
    return observations;
  }

  void drop() {
    open = false;
  }

  static CoapReply content(int contentFormat, byte[] payload, long maxAge) {
    return new CoapReply("2.05", "Content", contentFormat, payload, maxAge, false);
  }

  @Override
  public CoapEndpointSettings settings() {
    return settings;
  }

  @Override
  public CoapReply exchange(CoapCall call, long timeoutMillis) throws DeviceException {
    requests.add(call);
    Deque<CoapReply> queue = replies.get(call.describe());
    if (queue == null || queue.isEmpty()) {
      throw new DeviceException(
          ErrorKind.TIMEOUT, "no reply to " + call.describe() + " within " + timeoutMillis + " ms");
    }
    return queue.poll();
  }

  @Override
  public void observe(ObserveRequest request) {
    observations.put(request.key(), request);
  }

  @Override
  public Optional<Notification> latest(String key) {
    return Optional.ofNullable(latest.get(key));
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
