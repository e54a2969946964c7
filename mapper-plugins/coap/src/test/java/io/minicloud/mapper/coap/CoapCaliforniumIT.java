package io.minicloud.mapper.coap;

import static io.minicloud.mapper.coap.Devices.device;
import static io.minicloud.mapper.coap.Devices.property;
import static io.minicloud.mapper.coap.Devices.writable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.coap.link.CoapLink;
import io.minicloud.mapper.coap.sim.SimulatedCoapSensor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What libcoap's example server cannot show, against a Californium server (the demo's {@link
 * SimulatedCoapSensor}): block-wise transfers both ways (libcoap's {@code /example_data} takes a
 * large PUT but its example server needs a flag per resource to serve Block2 reliably), CBOR and
 * JSON bodies, and the body size cap.
 */
@Tag("peer")
class CoapCaliforniumIT {
  private SimulatedCoapSensor sensor;
  private CoapLink link;

  @BeforeEach
  void start() throws Exception {
    sensor = SimulatedCoapSensor.start(0, Duration.ofMillis(200));
  }

  @AfterEach
  void stop() {
    if (link != null) {
      link.close();
    }
    sensor.close();
  }

  private CoapDeviceDriver driver(
      Map<String, Object> protocol, io.minicloud.mapper.api.PropertySpec... properties)
      throws Exception {
    DeviceSpec spec = device("sensor", protocol, properties);
    return (CoapDeviceDriver) new CoapDevicePlugin().bind(spec);
  }

  private CoapTestSession connect(CoapDeviceDriver driver, PushSignal signal) throws Exception {
    link = (CoapLink) driver.link().opener().open();
    CoapTestSession session = new CoapTestSession(link, 5_000, signal);
    driver.attach(session);
    return session;
  }

  @Test
  void aLargeBodyIsReadAndWrittenBlockWise() throws Exception {
    // GIVEN /log (over 4 KiB) and 64-byte blocks, so both directions need many blocks
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri(), "blockSize", 64),
            writable("log", "string", Map.of("path", "/log")));
    CoapTestSession session = connect(driver, PushSignal.NONE);

    // WHEN it is read (Block2), then a new 3 KiB body is written (Block1)
    PointResult read = driver.read(session, List.of("log")).get(0);
    String written = "x".repeat(3000) + " end";
    driver.write(session, "log", new StringValue(written));

    // THEN both bodies arrived whole
    assertTrue(read.isOk(), () -> String.valueOf(read.error()));
    assertEquals(written, sensor.log());
    assertTrue(((StringValue) read.raw()).value().startsWith("00000 sensor started"));
    assertTrue(((StringValue) read.raw()).value().length() >= 4096);
  }

  @Test
  void bodiesOverMaxBodySizeAreRefusedBothWays() throws Exception {
    // GIVEN a 1 KiB body limit
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri(), "maxBodySize", 1024, "blockSize", 256),
            writable("log", "string", Map.of("path", "/log")));
    CoapTestSession session = connect(driver, PushSignal.NONE);

    // WHEN the 4 KiB log is read, and a 2 KiB body is written
    PointResult read = driver.read(session, List.of("log")).get(0);
    IllegalArgumentException write =
        assertThrows(
            IllegalArgumentException.class,
            () -> driver.write(session, "log", new StringValue("y".repeat(2048))));

    // THEN neither goes through
    assertFalse(read.isOk(), "a body over the limit must not become a value");
    System.out.println("[CoapCaliforniumIT] over the limit: " + read.error().getMessage());
    assertEquals(io.minicloud.mapper.api.ErrorKind.MALFORMED, read.error().kind());
    assertTrue(write.getMessage().contains("maxBodySize"), write.getMessage());
    assertTrue(sensor.log().startsWith("00000 sensor started"), "the log was not replaced");
  }

  @Test
  void observedJsonAndCborValuesArriveThroughTheirJsonPaths() throws Exception {
    // GIVEN JSON /temperature and CBOR /humidity, both observed
    AtomicInteger signals = new AtomicInteger();
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri()),
            property(
                "temperature",
                "float64",
                Map.of("path", "/temperature", "jsonPath", "$.celsius", "observe", true)),
            property(
                "humidity",
                "float64",
                Map.of(
                    "path",
                    "/humidity",
                    "accept",
                    "application/cbor",
                    "jsonPath",
                    "$.percent",
                    "observe",
                    true)));
    CoapTestSession session = connect(driver, p -> signals.incrementAndGet());

    // WHEN notifications have come (every 200 ms)
    CoapLibcoapIT.await("notifications", Duration.ofSeconds(5), () -> signals.get() >= 6);
    List<PointResult> results = driver.read(session, List.of("temperature", "humidity"));

    // THEN both are numbers in the simulated ranges
    for (PointResult r : results) {
      assertTrue(r.isOk(), () -> r.property() + ": " + r.error());
    }
    double t = ((DoubleValue) results.get(0).raw()).value();
    double h = ((DoubleValue) results.get(1).raw()).value();
    assertTrue(t >= 20 && t <= 25, "temperature " + t);
    assertTrue(h >= 45 && h <= 55, "humidity " + h);
  }

  @Test
  void aTextSetpointIsWrittenWithPut() throws Exception {
    // GIVEN the writable text setpoint
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri()),
            writable("setpoint", "float64", Map.of("path", "/setpoint")));
    CoapTestSession session = connect(driver, PushSignal.NONE);

    // WHEN 23.5 is written
    driver.write(session, "setpoint", DoubleValue.of(23.5));

    // THEN the sensor has it, and a GET reads it back
    assertEquals(23.5, sensor.setpoint());
    assertEquals(DoubleValue.of(23.5), driver.read(session, List.of("setpoint")).get(0).raw());
  }

  @Test
  void aResourceThatDoesNotKeepUsRegisteredIsServedAndRegisteredAgain() throws Exception {
    // GIVEN observe on /setpoint, which is not observable (replies carry no Observe option)
    AtomicInteger signals = new AtomicInteger();
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri()),
            property("setpoint", "float64", Map.of("path", "/setpoint", "observe", true)));
    CoapTestSession session = connect(driver, p -> signals.incrementAndGet());

    // WHEN the first reply came, and then the retry interval passed
    CoapLibcoapIT.await("first reply", Duration.ofSeconds(5), () -> signals.get() >= 1);
    PointResult first = driver.read(session, List.of("setpoint")).get(0);
    CoapLibcoapIT.await("registered again", Duration.ofSeconds(10), () -> signals.get() >= 2);

    // THEN the value was served, and the link registered again instead of waiting forever
    assertTrue(first.isOk(), () -> String.valueOf(first.error()));
    assertEquals(DoubleValue.of(21.0), first.raw());
    String key =
        "sensor "
            + new io.minicloud.mapper.coap.config.CoapPoint.ResourceKey(
                "/setpoint", io.minicloud.mapper.coap.payload.PayloadFormat.TEXT);
    assertTrue(link.registrations(key) >= 2, "registrations: " + link.registrations(key));
  }

  @Test
  void aMissingObservedResourceIsANamedErrorAndIsTriedAgain() throws Exception {
    // GIVEN observe on a path the server does not have
    AtomicInteger signals = new AtomicInteger();
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri()),
            property("gone", "float64", Map.of("path", "/gone", "observe", true)));
    CoapTestSession session = connect(driver, p -> signals.incrementAndGet());

    // WHEN the 4.04 came, and then the retry interval passed
    CoapLibcoapIT.await("the 4.04", Duration.ofSeconds(5), () -> signals.get() >= 1);
    PointResult result = driver.read(session, List.of("gone")).get(0);
    CoapLibcoapIT.await("tried again", Duration.ofSeconds(10), () -> signals.get() >= 2);

    // THEN the read names the code (not no_data), and the registration was retried
    assertEquals(io.minicloud.mapper.api.ErrorKind.DEVICE_EXCEPTION, result.error().kind());
    assertTrue(result.error().getMessage().contains("4.04 Not Found"), result.error().getMessage());
  }

  @Test
  void californiumNeverWritesItsPropertiesFileIntoTheWorkingDirectory() throws Exception {
    // GIVEN a sensor and a link were opened (the @BeforeEach sensor, and one here)
    CoapDeviceDriver driver =
        driver(
            Map.of("uri", sensor.uri()),
            property("setpoint", "float64", Map.of("path", "/setpoint")));
    connect(driver, PushSignal.NONE);

    // WHEN Californium's standard configuration is asked for, the call that writes the file
    org.eclipse.californium.elements.config.Configuration.getStandard();

    // THEN there is no Californium3.properties where the JVM runs
    assertFalse(
        java.nio.file.Files.exists(
            java.nio.file.Path.of(
                org.eclipse.californium.elements.config.Configuration.DEFAULT_FILE_NAME)),
        "Californium wrote "
            + org.eclipse.californium.elements.config.Configuration.DEFAULT_FILE_NAME);
  }
}
