package io.minicloud.mapper.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.config.CoapUri;
import io.minicloud.mapper.coap.discovery.CoapDiscovery;
import io.minicloud.mapper.coap.discovery.DeviceSuggestions;
import io.minicloud.mapper.coap.discovery.SuggestedProperty;
import io.minicloud.mapper.coap.discovery.WebLink;
import io.minicloud.mapper.coap.payload.PayloadFormat;
import io.minicloud.mapper.coap.peers.LibcoapServer;
import io.minicloud.mapper.coap.sim.SimulatedCoapSensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /.well-known/core} from libcoap and from the simulated sensor, parsed and suggested. */
@Tag("peer")
class CoapDiscoveryIT {
  @TempDir Path dir;

  @Test
  void libcoapsResourcesBecomeSuggestedProperties() throws Exception {
    String missing = LibcoapServer.missing();
    assumeTrue(missing == null, missing);
    try (LibcoapServer server = LibcoapServer.start(dir, Optional.empty(), Optional.empty())) {
      // GIVEN libcoap's example server
      CoapUri uri = CoapUri.parse(server.uri());

      // WHEN its /.well-known/core is discovered
      List<WebLink> links = CoapDiscovery.discover(CoapEndpointSettings.of(uri, Optional.empty()));
      List<SuggestedProperty> properties = DeviceSuggestions.properties(links);

      // THEN /time is an observable text property and /example_data is there too
      SuggestedProperty time =
          properties.stream().filter(p -> p.path().equals("/time")).findFirst().orElseThrow();
      assertTrue(time.observe());
      assertEquals(PayloadFormat.TEXT, time.format());
      assertTrue(properties.stream().anyMatch(p -> p.path().equals("/example_data")));
      String yaml =
          DeviceSuggestions.yaml(uri, DeviceSuggestions.protocolConfig(uri, Map.of()), properties);
      assertTrue(yaml.contains("path: \"/time\""), yaml);
      assertTrue(yaml.contains("observe: true"), yaml);
    }
  }

  @Test
  void theSimulatedSensorsResourcesCarryTheirFormatsAndInterfaces() throws Exception {
    try (SimulatedCoapSensor sensor = SimulatedCoapSensor.start(0)) {
      // GIVEN the demo sensor
      CoapUri uri = CoapUri.parse(sensor.uri());

      // WHEN discovered
      List<SuggestedProperty> properties =
          DeviceSuggestions.properties(
              CoapDiscovery.discover(CoapEndpointSettings.of(uri, Optional.empty())));

      // THEN formats, observability, types and writability follow ct, obs, rt and if
      SuggestedProperty temperature = find(properties, "/temperature");
      assertEquals(PayloadFormat.JSON, temperature.format());
      assertTrue(temperature.observe());
      assertEquals("FLOAT", temperature.type());
      assertEquals(PayloadFormat.CBOR, find(properties, "/humidity").format());
      assertTrue(find(properties, "/setpoint").writable());
      assertEquals("FLOAT", find(properties, "/setpoint").type());
    }
  }

  private static SuggestedProperty find(List<SuggestedProperty> properties, String path) {
    return properties.stream()
        .filter(p -> p.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + path + " in " + properties));
  }
}
