package io.minicloud.mapper.coap.sim;

import io.minicloud.mapper.coap.link.CaliforniumConfigs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * The demo's CoAP sensor (DESIGN §3: simulated devices only in the demo): a small Californium
 * server on 127.0.0.1 with
 *
 * <ul>
 *   <li>{@code /temperature}: JSON {@code {"celsius": 21.5, "unit": "C"}}, observable, a new value
 *       every period
 *   <li>{@code /humidity}: CBOR {@code {"percent": 48.5}}, observable
 *   <li>{@code /setpoint}: text, GET and PUT (a number, else 4.00)
 *   <li>{@code /log}: a text body of several KiB, so GET and PUT go block-wise
 *   <li>{@code /.well-known/core}: Californium's, listing all of the above with rt, if, ct, obs
 * </ul>
 *
 * See {@code docs/examples/devices/demo-coap-sensor.yaml} for the device file that reads it.
 */
public final class SimulatedCoapSensor implements AutoCloseable {
  public static final int DEFAULT_PORT = 15683;

  private final CoapServer server;
  private final CoapEndpoint endpoint;
  private final SensorResources resources;
  private final ScheduledExecutorService ticker;

  private SimulatedCoapSensor(
      CoapServer server,
      CoapEndpoint endpoint,
      SensorResources resources,
      ScheduledExecutorService ticker) {
    this.server = server;
    this.endpoint = endpoint;
    this.resources = resources;
    this.ticker = ticker;
  }

  /** Starts on 127.0.0.1:{@code port} (0: any free port), a new reading every second. */
  public static SimulatedCoapSensor start(int port) throws IOException {
    return start(port, Duration.ofSeconds(1));
  }

  /**
   * @param period how often the temperature and humidity change (and are notified)
   */
  public static SimulatedCoapSensor start(int port, Duration period) throws IOException {
    CaliforniumConfigs.init();
    Configuration config = Configuration.createStandardWithoutFile();
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setInetSocketAddress(new InetSocketAddress("127.0.0.1", port))
            .build();
    CoapServer server = new CoapServer(config);
    server.addEndpoint(endpoint);
    long maxAgeSeconds = Math.max(1, (period.toMillis() * 2 + 999) / 1000);
    SensorResources resources = new SensorResources(maxAgeSeconds);
    resources.addTo(server);
    try {
      server.start();
    } catch (IllegalStateException e) {
      server.destroy();
      throw new IOException(
          "cannot start the simulated CoAP sensor on port " + port + ": " + e.getMessage(), e);
    }
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "coap-sensor-sim");
              t.setDaemon(true);
              return t;
            });
    ticker.scheduleAtFixedRate(
        resources::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return new SimulatedCoapSensor(server, endpoint, resources, ticker);
  }

  /** The UDP port it listens on. */
  public int port() {
    return endpoint.getAddress().getPort();
  }

  public String uri() {
    return "coap://127.0.0.1:" + port();
  }

  /** The setpoint as last written (or 21.0). */
  public double setpoint() {
    return resources.setpoint();
  }

  /** The current body of {@code /log}. */
  public String log() {
    return resources.log();
  }

  /** The temperature as last notified. */
  public double temperature() {
    return resources.temperature();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.destroy();
  }
}
