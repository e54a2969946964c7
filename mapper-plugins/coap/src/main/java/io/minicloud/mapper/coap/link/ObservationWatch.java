package io.minicloud.mapper.coap.link;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;

/**
 * One observation and its re-registration (RFC 7641 §3.3.1, §4.1). The server may forget a client
 * (restart, lost state), a notification may be lost, or a NAT binding may expire; the client only
 * notices silence. So every reply sets a deadline:
 *
 * <ul>
 *   <li>a notification: its Max-Age (or the property's {@code maxAge}) plus {@link #MARGIN}
 *   <li>a reply without Observe (the server did not register us: 4.04, 5.xx, or no Observe
 *       support): the shorter of that and {@link #RETRY}, after the reply was handed on
 *   <li>no reply at all (timeout, reset): {@link #RETRY}
 * </ul>
 *
 * and {@link #check} re-registers with a fresh token when the deadline passed. Californium's own
 * re-registration is switched off ({@link CaliforniumConfigs}) so there is exactly one.
 */
final class ObservationWatch {
  private static final System.Logger LOG = System.getLogger(ObservationWatch.class.getName());

  /** Grace after Max-Age: covers a notification that is due now and still on its way. */
  static final Duration MARGIN = Duration.ofSeconds(2);

  /** How soon a failed or refused registration is tried again. */
  static final Duration RETRY = Duration.ofSeconds(5);

  private final ObserveRequest request;
  private final String uri;
  private final CoapClientFactory clients;
  private final LongSupplier nanoTime;
  private final Runnable onStale;
  private final AtomicInteger registrations = new AtomicInteger();
  private volatile long deadline;

  /**
   * True while the deadline stands for silence (awaiting a reply, or the next notification); false
   * when it is a retry after a reply without Observe, where the server did answer, so a DTLS
   * session is fine and must not be dropped.
   */
  private volatile boolean silence = true;

  private volatile CoapObserveRelation relation;
  private volatile boolean closed;

  /** Makes the client each registration goes through (endpoint, URI, timeout set). */
  interface CoapClientFactory {
    CoapClient client(String uri);
  }

  /**
   * @param onStale called before a re-registration caused by silence, never after a reply without
   *     Observe (a DTLS link drops its session then: a restarted server no longer knows it; one
   *     that answered 4.04 does, and its other observations must not pay for a new handshake)
   */
  ObservationWatch(
      ObserveRequest request,
      String uri,
      CoapClientFactory clients,
      LongSupplier nanoTime,
      Runnable onStale) {
    this.request = request;
    this.uri = uri;
    this.clients = clients;
    this.nanoTime = nanoTime;
    this.onStale = onStale;
  }

  /** Registers; the first reply arrives through the listener. */
  synchronized void register(long timeoutMillis) {
    if (closed) {
      return;
    }
    registrations.incrementAndGet();
    silence = true;
    // until a reply sets a real deadline, wait no longer than a request may take
    deadline = nanoTime.getAsLong() + Duration.ofMillis(timeoutMillis).plus(RETRY).toNanos();
    CoapClient client = clients.client(uri);
    CoapHandler handler =
        new CoapHandler() {
          @Override
          public void onLoad(CoapResponse response) {
            onReply(Replies.of(response.advanced()));
          }

          @Override
          public void onError() {
            onFailure();
          }
        };
    relation =
        request.accept().isPresent()
            ? client.observe(handler, request.accept().get().number())
            : client.observe(handler);
  }

  private void onReply(CoapReply reply) {
    if (closed) {
      return;
    }
    Duration maxAge =
        request.maxAge().orElse(Duration.ofSeconds(Math.max(0, reply.maxAgeSeconds())));
    Duration wait = maxAge.plus(MARGIN);
    if (!reply.notification()) {
      wait = wait.compareTo(RETRY) < 0 ? wait : RETRY;
      LOG.log(
          Level.DEBUG,
          () -> "observe " + uri + ": " + reply.status() + " without Observe; retry in " + RETRY);
    }
    deadline = nanoTime.getAsLong() + wait.toNanos();
    silence = reply.notification();
    try {
      request.listener().accept(reply);
    } catch (RuntimeException e) {
      // the listener is the driver's; a bug there must not stop notifications
      LOG.log(Level.WARNING, "notification listener for " + uri + " failed", e);
    }
  }

  private void onFailure() {
    if (!closed) {
      silence = true;
      deadline = nanoTime.getAsLong() + RETRY.toNanos();
    }
  }

  /**
   * Re-registers when the deadline passed.
   *
   * @return true when it did
   */
  boolean check(long timeoutMillis) {
    if (closed || nanoTime.getAsLong() - deadline < 0) {
      return false;
    }
    cancelLocally();
    if (silence) {
      LOG.log(Level.INFO, () -> "observe " + uri + ": no notification in time, re-registering");
      onStale.run();
    } else {
      LOG.log(Level.DEBUG, () -> "observe " + uri + ": not registered by the server, trying again");
    }
    register(timeoutMillis);
    return true;
  }

  /** Registrations sent so far (the first one included). */
  int registrations() {
    return registrations.get();
  }

  String key() {
    return request.key();
  }

  /** Forgets the relation without telling the server: it learns from a reset on its next send. */
  void close() {
    closed = true;
    cancelLocally();
  }

  private void cancelLocally() {
    CoapObserveRelation current = relation;
    if (current != null) {
      current.reactiveCancel();
    }
  }
}
