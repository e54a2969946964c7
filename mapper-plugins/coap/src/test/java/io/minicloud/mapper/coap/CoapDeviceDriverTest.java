package io.minicloud.mapper.coap;

import static io.minicloud.mapper.coap.Devices.device;
import static io.minicloud.mapper.coap.Devices.property;
import static io.minicloud.mapper.coap.Devices.writable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.coap.link.CoapCall;
import io.minicloud.mapper.coap.link.CoapReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoapDeviceDriverTest {
  private final MutableClock clock = new MutableClock();

  private CoapDeviceDriver bind(io.minicloud.mapper.api.DeviceSpec spec) throws Exception {
    return (CoapDeviceDriver) new CoapDevicePlugin(clock).bind(spec);
  }

  private static CoapReply notification(String text, long maxAge) {
    return new CoapReply("2.05", "Content", 0, text.getBytes(StandardCharsets.UTF_8), maxAge, true);
  }

  @Test
  void anObservedValueIsServedWhileFreshThenIsNoData() throws Exception {
    // GIVEN an observed property and a notification with Max-Age 10 s
    CoapDeviceDriver driver =
        bind(
            device(
                "d",
                Map.of("uri", "coap://h"),
                property("t", "float64", Map.of("path", "/t", "observe", true))));
    ScriptedCoapConnection connection = new ScriptedCoapConnection(driver.settings(), clock);
    CoapTestSession session = new CoapTestSession(connection, 1000);
    driver.attach(session);
    connection.notify("/t", notification("21.5", 10));

    // WHEN time passes: within Max-Age + grace, and beyond
    clock.advance(Duration.ofSeconds(10));
    PointResult fresh = driver.read(session, List.of("t")).get(0);
    clock.advance(Duration.ofMillis(1001));
    PointResult stale = driver.read(session, List.of("t")).get(0);

    // THEN the value is served, then no_data saying how old it is; no GET was ever sent
    assertTrue(fresh.isOk(), () -> String.valueOf(fresh.error()));
    assertEquals(ErrorKind.NO_DATA, stale.error().kind());
    assertTrue(
        stale.error().getMessage().contains("max-age of 10000 ms"), stale.error().getMessage());
    assertTrue(connection.requests().isEmpty());
  }

  @Test
  void aMaxAgeOverrideWinsOverTheNotifications() throws Exception {
    CoapDeviceDriver driver =
        bind(
            device(
                "d",
                Map.of("uri", "coap://h"),
                property("t", "float64", Map.of("path", "/t", "observe", true, "maxAge", 60_000))));
    ScriptedCoapConnection connection = new ScriptedCoapConnection(driver.settings(), clock);
    CoapTestSession session = new CoapTestSession(connection, 1000);
    driver.attach(session);
    connection.notify("/t", notification("21.5", 1));
    clock.advance(Duration.ofSeconds(30));
    assertTrue(driver.read(session, List.of("t")).get(0).isOk());
  }

  @Test
  void propertiesOnOneResourceShareOneObservationAndEachNotificationSignalsThemAll()
      throws Exception {
    // GIVEN two properties on /climate and one on /t, all observed
    CoapDeviceDriver driver =
        bind(
            device(
                "d",
                Map.of("uri", "coap://h"),
                property(
                    "a", "float64", Map.of("path", "/climate", "jsonPath", "$.a", "observe", true)),
                property(
                    "b", "float64", Map.of("path", "/climate", "jsonPath", "$.b", "observe", true)),
                property("t", "float64", Map.of("path", "/t", "observe", true))));
    ScriptedCoapConnection connection = new ScriptedCoapConnection(driver.settings(), clock);
    List<List<String>> signals = new ArrayList<>();
    driver.attach(new CoapTestSession(connection, 1000, signals::add));

    // WHEN /climate notifies
    connection.notify(
        "/climate", new CoapReply("2.05", "Content", 50, "{\"a\":1,\"b\":2}".getBytes(), 60, true));

    // THEN there are two observations, and one signal named both properties
    assertEquals(2, connection.observations().size());
    assertEquals(List.of(List.of("a", "b")), signals);
  }

  @Test
  void aDeviceWithOtherSettingsOnASharedLinkIsRefusedAtAttach() throws Exception {
    CoapDeviceDriver first =
        bind(
            device("a", Map.of("uri", "coap://h"), property("t", "float64", Map.of("path", "/t"))));
    CoapDeviceDriver second =
        bind(
            device(
                "b",
                Map.of("uri", "coap://h", "requestTimeout", 3000),
                property("t", "float64", Map.of("path", "/t"))));
    assertEquals(first.link().id(), second.link().id());
    ScriptedCoapConnection connection = new ScriptedCoapConnection(first.settings(), clock);
    DeviceException e =
        assertThrows(
            DeviceException.class, () -> second.attach(new CoapTestSession(connection, 1000)));
    assertTrue(e.getMessage().contains("requestTimeout"), e.getMessage());
  }

  @Test
  void deleteSendsNoBodyAndTakesTrueOnly() throws Exception {
    CoapDeviceDriver driver =
        bind(
            device(
                "d",
                Map.of("uri", "coap://h"),
                writable("clear", "boolean", Map.of("path", "/log", "method", "DELETE"))));
    ScriptedCoapConnection connection =
        new ScriptedCoapConnection(driver.settings(), clock)
            .reply("DELETE /log", new CoapReply("2.02", "Deleted", -1, new byte[0], 60, false));
    CoapTestSession session = new CoapTestSession(connection, 1000);
    driver.write(session, "clear", new BoolValue(true));
    CoapCall sent = connection.requests().get(0);
    assertEquals(0, sent.payload().length);
    assertThrows(
        IllegalArgumentException.class, () -> driver.write(session, "clear", new BoolValue(false)));
  }

  @Test
  void aClosedConnectionIsALinkFailure() throws Exception {
    CoapDeviceDriver driver =
        bind(
            device("d", Map.of("uri", "coap://h"), property("t", "float64", Map.of("path", "/t"))));
    ScriptedCoapConnection connection = new ScriptedCoapConnection(driver.settings(), clock);
    connection.drop();
    IOException e =
        assertThrows(
            IOException.class,
            () -> driver.read(new CoapTestSession(connection, 1000), List.of("t")));
    assertFalse(e instanceof DeviceException);
  }

  @Test
  void errorRepliesNameTheCodeAndAShortenedCleanDiagnostic() throws Exception {
    CoapDeviceDriver driver =
        bind(
            device("d", Map.of("uri", "coap://h"), property("t", "float64", Map.of("path", "/t"))));
    ScriptedCoapConnection connection =
        new ScriptedCoapConnection(driver.settings(), clock)
            .reply(
                "GET /t",
                new CoapReply(
                    "5.03",
                    "Service Unavailable",
                    -1,
                    ("warming up\n\u0007" + "x".repeat(500)).getBytes(),
                    60,
                    false));
    PointResult r = driver.read(new CoapTestSession(connection, 1000), List.of("t")).get(0);
    String message = r.error().getMessage();
    assertTrue(
        message.startsWith("GET /t on coap://h:5683 answered 5.03 Service Unavailable: warming up"),
        message);
    assertFalse(message.contains("\u0007"));
    assertTrue(message.length() < 250, message);
  }
}
