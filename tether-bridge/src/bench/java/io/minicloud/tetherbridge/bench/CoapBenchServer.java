package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.coap.link.CaliforniumConfigs;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A Californium server whose {@code /counter} notifies as fast as Californium lets it: a thread
 * calls {@code changed()} again as soon as the previous change's body has been built (calling it in
 * a bare loop only floods the server's executor with changes that are superseded before they are
 * sent: measured, a 3 s backlog and about one notification a second). With CON notifications
 * Californium keeps one in flight per observer and replaces a pending one by the newest (RFC 7641
 * §4.5.2), so the ACK round trip sets the pace; NON notifications go out as they come (every 100th
 * as CON, Californium's default NOTIFICATION_CHECK_INTERVAL_COUNT). The body is JSON {@code {"seq":
 * n, "sentNanos": t}}, t from {@link System#nanoTime()} when the notification is built: the bench
 * runs in one JVM, so a receiver subtracts it from its own nanoTime.
 */
final class CoapBenchServer implements AutoCloseable {
  private final CoapServer server;
  private final CoapEndpoint endpoint;
  private final CoapResource counter;
  private final AtomicLong seq = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();

  /** A change was signalled and its body is not built yet. */
  private final AtomicBoolean pending = new AtomicBoolean();

  private Thread notifier;

  CoapBenchServer(CoAP.Type type) {
    CaliforniumConfigs.init();
    Configuration config = Configuration.createStandardWithoutFile();
    endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
            .build();
    server = new CoapServer(config);
    server.addEndpoint(endpoint);
    counter =
        new CoapResource("counter") {
          @Override
          public void handleGET(CoapExchange exchange) {
            exchange.setMaxAge(60);
            String body =
                "{\"seq\": "
                    + seq.incrementAndGet()
                    + ", \"sentNanos\": "
                    + System.nanoTime()
                    + "}";
            Response response = new Response(CoAP.ResponseCode.CONTENT);
            response.setPayload(body);
            response.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
            response.addMessageObserver(
                new MessageObserverAdapter() {
                  @Override
                  public void onSent(boolean retransmission) {
                    pending.set(false);
                  }
                });
            exchange.respond(response);
          }
        };
    counter.setObservable(true);
    counter.setObserveType(type);
    counter.getAttributes().setObservable();
    server.add(counter);
    server.start();
  }

  String uri() {
    return "coap://127.0.0.1:" + endpoint.getAddress().getPort();
  }

  /** Notifications built so far (each GET or notification body increments it). */
  long built() {
    return seq.get();
  }

  /** Starts notifying: a new change as soon as the previous notification was sent. */
  void startNotifying() {
    running.set(true);
    notifier =
        new Thread(
            () -> {
              long since = System.nanoTime();
              while (running.get()) {
                // a notification that never goes out (its observer is gone) must not stall us
                boolean stale = System.nanoTime() - since > 100_000_000L;
                if (pending.compareAndSet(false, true) || stale) {
                  pending.set(true);
                  since = System.nanoTime();
                  counter.changed();
                } else {
                  LockSupport.parkNanos(20_000);
                }
              }
            },
            "coap-bench-notifier");
    notifier.setDaemon(true);
    notifier.start();
  }

  void stopNotifying() throws InterruptedException {
    running.set(false);
    if (notifier != null) {
      notifier.join(5000);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stopNotifying();
    server.destroy();
  }
}
