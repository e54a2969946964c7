package io.minicloud.mapper.coap.sim;

import java.nio.charset.StandardCharsets;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** The simulated sensor's resources; values change on {@link #tick}. */
final class SensorResources {
  private static final int CBOR = 60;
  private final long maxAgeSeconds;
  private final CoapResource temperature;
  private final CoapResource humidity;
  private volatile double celsius = 21.5;
  private volatile double percent = 48.5;
  private volatile double setpoint = 21.0;
  private volatile String log = initialLog();
  private long ticks;

  SensorResources(long maxAgeSeconds) {
    this.maxAgeSeconds = maxAgeSeconds;
    this.temperature =
        observable(
            "temperature",
            "temperature-c",
            "sensor",
            MediaTypeRegistry.APPLICATION_JSON,
            this::temperatureGet);
    this.humidity = observable("humidity", "humidity-percent", "sensor", CBOR, this::humidityGet);
  }

  void addTo(CoapServer server) {
    server.add(temperature, humidity, setpointResource(), logResource());
  }

  /** A new reading: a slow sawtooth, so every notification differs. */
  synchronized void tick() {
    ticks++;
    celsius = 20.0 + (ticks % 50) / 10.0;
    percent = 45.0 + (ticks % 20) / 2.0;
    temperature.changed();
    humidity.changed();
  }

  double temperature() {
    return celsius;
  }

  double setpoint() {
    return setpoint;
  }

  String log() {
    return log;
  }

  private void temperatureGet(CoapExchange exchange) {
    exchange.setMaxAge(maxAgeSeconds);
    String json = "{\"celsius\": " + celsius + ", \"unit\": \"C\"}";
    exchange.respond(CoAP.ResponseCode.CONTENT, json, MediaTypeRegistry.APPLICATION_JSON);
  }

  private void humidityGet(CoapExchange exchange) {
    exchange.setMaxAge(maxAgeSeconds);
    exchange.respond(CoAP.ResponseCode.CONTENT, cborPercent(percent), CBOR);
  }

  /** {@code {"percent": <float64>}} in CBOR, by hand: a fixed shape needs no encoder. */
  static byte[] cborPercent(double value) {
    byte[] key = "percent".getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[1 + 1 + key.length + 9];
    out[0] = (byte) 0xA1; // map of 1 pair
    out[1] = (byte) (0x60 + key.length); // text string
    System.arraycopy(key, 0, out, 2, key.length);
    int at = 2 + key.length;
    out[at] = (byte) 0xFB; // float64
    long bits = Double.doubleToLongBits(value);
    for (int i = 0; i < 8; i++) {
      out[at + 1 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    return out;
  }

  private interface Handler {
    void handle(CoapExchange exchange);
  }

  private static CoapResource observable(
      String name, String rt, String iface, int ct, Handler get) {
    CoapResource resource =
        new CoapResource(name) {
          @Override
          public void handleGET(CoapExchange exchange) {
            get.handle(exchange);
          }
        };
    resource.setObservable(true);
    resource.setObserveType(CoAP.Type.CON);
    resource.getAttributes().setObservable();
    resource.getAttributes().addResourceType(rt);
    resource.getAttributes().addInterfaceDescription(iface);
    resource.getAttributes().addContentType(ct);
    return resource;
  }

  private CoapResource setpointResource() {
    CoapResource resource =
        new CoapResource("setpoint") {
          @Override
          public void handleGET(CoapExchange exchange) {
            exchange.respond(
                CoAP.ResponseCode.CONTENT, Double.toString(setpoint), MediaTypeRegistry.TEXT_PLAIN);
          }

          @Override
          public void handlePUT(CoapExchange exchange) {
            try {
              double value = Double.parseDouble(exchange.getRequestText().trim());
              if (!Double.isFinite(value)) {
                throw new NumberFormatException();
              }
              setpoint = value;
              exchange.respond(CoAP.ResponseCode.CHANGED);
            } catch (NumberFormatException e) {
              exchange.respond(
                  CoAP.ResponseCode.BAD_REQUEST, "a number, please", MediaTypeRegistry.TEXT_PLAIN);
            }
          }
        };
    resource.getAttributes().addResourceType("setpoint-c");
    resource.getAttributes().addInterfaceDescription("core.p");
    resource.getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
    resource.getAttributes().setTitle("Target temperature");
    return resource;
  }

  private CoapResource logResource() {
    CoapResource resource =
        new CoapResource("log") {
          @Override
          public void handleGET(CoapExchange exchange) {
            exchange.respond(CoAP.ResponseCode.CONTENT, log, MediaTypeRegistry.TEXT_PLAIN);
          }

          @Override
          public void handlePUT(CoapExchange exchange) {
            log = exchange.getRequestText();
            exchange.respond(CoAP.ResponseCode.CHANGED);
          }
        };
    resource.getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
    resource.getAttributes().setTitle("Event log (several KiB: block-wise)");
    return resource;
  }

  private static String initialLog() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < 4096; i++) {
      text.append(String.format("%05d sensor started; all readings nominal%n", i));
    }
    return text.toString();
  }
}
