package io.minicloud.mapper.coap;

import static io.minicloud.mapper.coap.Devices.device;
import static io.minicloud.mapper.coap.Devices.property;
import static io.minicloud.mapper.coap.Devices.writable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.peers.LibcoapServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against libcoap's {@code coap-server-openssl} over UDP: GET, PUT read back by the
 * driver and by {@code coap-client-openssl}, Observe of {@code /time} with push signals, a server
 * restart in the middle of an observation, and CoAP errors.
 */
@Tag("peer")
class CoapLibcoapIT {
  private static final String CLOCK = "[A-Z][a-z]{2} [ 0-9]?\\d \\d\\d:\\d\\d:\\d\\d";

  @TempDir Path dir;
  private LibcoapServer server;
  private CoapLink link;

  @BeforeEach
  void start() throws Exception {
    String missing = LibcoapServer.missing();
    assumeTrue(missing == null, missing);
    server = LibcoapServer.start(dir, Optional.empty(), Optional.empty());
  }

  @AfterEach
  void stop() throws Exception {
    if (link != null) {
      link.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private CoapDeviceDriver bind(io.minicloud.mapper.api.DeviceSpec spec) throws Exception {
    return (CoapDeviceDriver) new CoapDevicePlugin().bind(spec);
  }

  private CoapTestSession connect(CoapDeviceDriver driver, io.minicloud.mapper.api.PushSignal s)
      throws Exception {
    link = (CoapLink) driver.link().opener().open();
    CoapTestSession session = new CoapTestSession(link, 5_000, s);
    driver.attach(session);
    return session;
  }

  @Test
  void getReadsTheServersClock() throws Exception {
    // GIVEN a device with /time read by GET
    CoapDeviceDriver driver =
        bind(
            device(
                "clock",
                Map.of("uri", server.uri()),
                property("time", "string", Map.of("path", "/time"))));
    CoapTestSession session = connect(driver, io.minicloud.mapper.api.PushSignal.NONE);

    // WHEN it is read
    List<PointResult> results = driver.read(session, List.of("time"));

    // THEN the value is libcoap's clock text, as coap-client-openssl sees it too
    assertTrue(results.get(0).isOk(), () -> String.valueOf(results.get(0).error()));
    String time = ((StringValue) results.get(0).raw()).value();
    assertTrue(time.matches(CLOCK), time);
    assertTrue(server.client("-m", "get", server.uri() + "/time").strip().matches(CLOCK));
  }

  @Test
  void putIsReadBackByTheDriverAndByLibcoapsClient() throws Exception {
    // GIVEN /example_data as a writable text property
    CoapDeviceDriver driver =
        bind(
            device(
                "data",
                Map.of("uri", server.uri()),
                writable("data", "string", Map.of("path", "/example_data"))));
    CoapTestSession session = connect(driver, io.minicloud.mapper.api.PushSignal.NONE);
    String text = "minicloud-" + UUID.randomUUID();

    // WHEN a value is written (PUT, text/plain)
    driver.write(session, "data", new StringValue(text));

    // THEN a GET reads it back, and libcoap's own client agrees
    assertEquals(new StringValue(text), driver.read(session, List.of("data")).get(0).raw());
    assertEquals(text, server.client("-m", "get", server.uri() + "/example_data").strip());
  }

  @Test
  void observeDeliversNotificationsAndSignalsEach() throws Exception {
    // GIVEN /time observed, with a push signal that records what it is told
    List<List<String>> signals = new CopyOnWriteArrayList<>();
    CoapDeviceDriver driver =
        bind(
            device(
                "clock",
                Map.of("uri", server.uri()),
                property("time", "string", Map.of("path", "/time", "observe", true))));
    CoapTestSession session = connect(driver, signals::add);

    // WHEN the server notifies (once a second)
    await("three notifications", Duration.ofSeconds(8), () -> signals.size() >= 3);

    // THEN each notification signalled the property, and a read serves the latest value
    assertTrue(signals.stream().allMatch(s -> s.equals(List.of("time"))), signals.toString());
    PointResult result = driver.read(session, List.of("time")).get(0);
    assertTrue(result.isOk(), () -> String.valueOf(result.error()));
    assertTrue(((StringValue) result.raw()).value().matches(CLOCK));
  }

  @Test
  void aServerRestartMidObserveIsFollowedByReRegistrationAndValuesResume() throws Exception {
    // GIVEN /time observed and notifying
    AtomicInteger signals = new AtomicInteger();
    CoapDeviceDriver driver =
        bind(
            device(
                "clock",
                Map.of("uri", server.uri()),
                property("time", "string", Map.of("path", "/time", "observe", true))));
    connect(driver, p -> signals.incrementAndGet());
    await("notifications before the restart", Duration.ofSeconds(8), () -> signals.get() >= 2);
    String key =
        "clock "
            + new io.minicloud.mapper.coap.config.CoapPoint.ResourceKey(
                "/time", io.minicloud.mapper.coap.payload.PayloadFormat.TEXT);
    assertEquals(1, link.registrations(key));

    // WHEN the server restarts and forgets its observers
    server.restart();
    int afterRestart = signals.get();

    // THEN the link notices the silence, registers again, and notifications resume
    await(
        "notifications after the restart",
        Duration.ofSeconds(20),
        () -> signals.get() >= afterRestart + 3);
    assertTrue(link.registrations(key) >= 2, "re-registrations: " + link.registrations(key));
    // AND closing the link leaves no Californium client thread behind (one leaked per
    // registration before the link lent its executor to its clients)
    link.close();
    await(
        "no CoapClient(secondary) thread",
        Duration.ofSeconds(5),
        () ->
            Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("CoapClient(secondary)")));
  }

  @Test
  void aMissingResourceIsANamedDeviceError() throws Exception {
    // GIVEN a property on a path libcoap does not serve
    CoapDeviceDriver driver =
        bind(
            device(
                "clock",
                Map.of("uri", server.uri()),
                property("nope", "string", Map.of("path", "/no-such-resource"))));
    CoapTestSession session = connect(driver, io.minicloud.mapper.api.PushSignal.NONE);

    // WHEN it is read
    PointResult result = driver.read(session, List.of("nope")).get(0);

    // THEN the error names the code
    assertFalse(result.isOk());
    assertEquals(ErrorKind.DEVICE_EXCEPTION, result.error().kind());
    assertTrue(result.error().getMessage().contains("4.04 Not Found"), result.error().getMessage());
  }

  @Test
  void noServerIsATimeout() throws Exception {
    // GIVEN the server stopped and a short request timeout
    server.stop();
    CoapDeviceDriver driver =
        bind(
            device(
                "clock",
                Map.of(
                    "uri",
                    server.uri(),
                    "requestTimeout",
                    800,
                    "ackTimeout",
                    200,
                    "maxRetransmit",
                    1),
                property("time", "string", Map.of("path", "/time"))));
    link = (CoapLink) driver.link().opener().open();
    CoapTestSession session = new CoapTestSession(link, 800);

    // WHEN it is read
    DeviceException e =
        assertThrows(DeviceException.class, () -> driver.read(session, List.of("time")));

    // THEN the whole read failed with a timeout naming the request
    assertEquals(ErrorKind.TIMEOUT, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("GET /time"), e.getMessage());
  }

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within " + timeout.toMillis() + " ms");
      }
      Thread.sleep(20);
    }
  }
}
