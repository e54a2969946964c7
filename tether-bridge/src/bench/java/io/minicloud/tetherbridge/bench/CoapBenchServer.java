package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.coap.link.CaliforniumConfigs;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;

/**
 * A Californium server whose {@code /counter} notifies as fast as Californium lets it: a thread
 * calls {@code changed()} in a loop. With CON notifications Californium keeps one in flight per
 * observer and replaces a pending one by the newest (RFC 7641 §4.5.2), so the ACK round trip sets
 * the pace; NON notifications go out as they come (every 100th as CON, Californium's default
 * NOTIFICATION_CHECK_INTERVAL_COUNT). The body is JSON {@code {"seq": n, "sentNanos": t}}, t from
 * {@link System#nanoTime()} when the notification is built: the bench runs in one JVM, so a
 * receiver subtracts it from its own nanoTime.
 */
final class CoapBenchServer implements AutoCloseable {
  private final CoapServer server;
  private final CoapEndpoint endpoint;
  private final CoapResource counter;
  private final AtomicLong seq = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean();
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
            exchange.respond(CoAP.ResponseCode.CONTENT, body, MediaTypeRegistry.APPLICATION_JSON);
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

  /** Starts notifying in a loop (a short pause every 64 keeps the loop from starving the rest). */
  void startNotifying() {
    running.set(true);
    notifier =
        new Thread(
            () -> {
              long n = 0;
              while (running.get()) {
                counter.changed();
                if (++n % 64 == 0) {
                  Thread.onSpinWait();
                  Thread.yield();
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
