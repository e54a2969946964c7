package io.minicloud.tetherbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.Quality;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.config.CoapUri;
import io.minicloud.mapper.coap.discovery.CoapDiscovery;
import io.minicloud.mapper.coap.discovery.DeviceSuggestions;
import io.minicloud.mapper.coap.peers.LibcoapServer;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole runtime against libcoap's {@code coap-server-openssl}: a CoAP device file loaded by
 * {@link io.minicloud.tetherbridge.runtime.BridgeRuntime}, {@code /time} observed, and every
 * notification (one a second) published at once through the push signal, although the property's
 * collectCycle is ten minutes.
 */
@Tag("peer")
class CoapRuntimeIT {
  private static final String DEVICE = "libcoap-clock";

  @TempDir Path dir;
  private LibcoapServer server;
  private BridgeUnderTest bridge;

  @BeforeEach
  void start() throws Exception {
    String missing = LibcoapServer.missing();
    assumeTrue(missing == null, missing);
    server = LibcoapServer.start(dir.resolve("peer"), Optional.empty(), Optional.empty());
    bridge = new BridgeUnderTest(dir, RuntimeSettings.defaults());
  }

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private void apply() throws Exception {
    Path file = dir.resolve("devices/clock.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        apiVersion: devices.kubeedge.io/v1beta1
        kind: DeviceModel
        metadata: {name: libcoap-clock}
        spec:
          protocol: coap
          properties:
            - {name: time, type: STRING, accessMode: ReadOnly}
        ---
        apiVersion: devices.kubeedge.io/v1beta1
        kind: Device
        metadata: {name: %s}
        spec:
          deviceModelRef: {name: libcoap-clock}
          protocol:
            protocolName: coap
            configData: {uri: "%s", requestTimeout: 3000}
          properties:
            - name: time
              collectCycle: 600000000000
              visitors:
                protocolName: coap
                configData: {path: /time, observe: true}
        """
            .formatted(DEVICE, server.uri()));
    bridge.runtime().apply(new DeviceFileReader().read(file));
  }

  @Test
  void observeNotificationsArePublishedAsTheyArrive() throws Exception {
    // GIVEN libcoap's clock observed through a device file, polled only every ten minutes
    apply();

    // WHEN a few notifications have come (one a second)
    BridgeUnderTest.await(
        "four published readings", Duration.ofSeconds(15), () -> good().size() >= 4);

    // THEN each went north as a good reading of a different second: pushed, not polled
    List<String> values = good();
    Set<String> distinct = values.stream().collect(Collectors.toSet());
    System.out.println("[CoapRuntimeIT] published " + values);
    assertTrue(distinct.size() >= 3, "values must change with each notification: " + values);
    assertTrue(
        values.stream().allMatch(v -> v.matches(".*\\d\\d:\\d\\d:\\d\\d")), values.toString());
    assertEquals(DeviceHealth.ONLINE, bridge.status(DEVICE).health());
    assertTrue(
        bridge.metrics().pushed(DEVICE) >= 3,
        "the values came by push signals: " + bridge.metrics().pushed(DEVICE));
  }

  @Test
  void aDiscoveredSuggestionIsADeviceFileTheBridgeRuns() throws Exception {
    // GIVEN the suggestion `minicloud devices discover` makes for libcoap's server
    CoapUri uri = CoapUri.parse(server.uri());
    String yaml =
        DeviceSuggestions.yaml(
            uri,
            DeviceSuggestions.protocolConfig(uri, java.util.Map.of()),
            DeviceSuggestions.properties(
                CoapDiscovery.discover(CoapEndpointSettings.of(uri, Optional.empty()))));
    Path file = Files.writeString(dir.resolve("suggested.yaml"), yaml);

    // WHEN the bridge loads it as it is
    bridge.runtime().apply(new DeviceFileReader().read(file));

    // THEN the observed /time goes north from the suggested device
    String device = "coap-127-0-0-1-" + server.port();
    BridgeUnderTest.await(
        "suggested device publishes /time",
        Duration.ofSeconds(15),
        () ->
            bridge.published().telemetry(device, "time").stream()
                .anyMatch(t -> t.reading().quality() == Quality.GOOD));
  }

  private List<String> good() {
    return bridge.published().telemetry(DEVICE, "time").stream()
        .map(NorthboundRecorder.Telemetry::reading)
        .filter(r -> r.quality() == Quality.GOOD)
        .map(r -> ((StringValue) r.value()).value())
        .toList();
  }
}
