package io.minicloud.tetherbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.wiring.TetherBridgeOptions;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds the agent's section of minicloud.yaml without starting Quarkus. */
class TetherBridgeOptionsTest {

  private static TetherBridgeOptions bind(String yamlResource) throws Exception {
    var builder =
        new SmallRyeConfigBuilder()
            .withMapping(TetherBridgeOptions.class)
            // the converters Quarkus registers for "2s" and "64M"
            .withConverter(Duration.class, 200, new DurationConverter())
            .withConverter(MemorySize.class, 200, new MemorySizeConverter());
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(TetherBridgeOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(TetherBridgeOptions.class);
  }

  @Test
  void bindsTheYamlSection() throws Exception {
    var options = bind("/minicloud-fixture.yaml");

    assertEquals(Path.of("/srv/minicloud/tether-bridge"), options.dataDir());
    assertEquals(Optional.of("gw-17"), options.nodeName());
    assertEquals(Path.of("/srv/minicloud/devices"), options.devicesDir());
    assertEquals(Duration.ofMillis(500), options.defaultCollectCycle());
    assertEquals(5, options.breakerThreshold());
    assertEquals(Optional.of("ssl://broker.example:8883"), options.mqtt().broker());
    assertEquals(
        Optional.of(Path.of("/etc/minicloud/mqtt.password")), options.mqtt().passwordFile());
    assertEquals("3.1.1", options.mqtt().protocolVersion());
    assertEquals(1000, options.queue().maxMessages());
    assertEquals(16L * 1024 * 1024, options.queue().maxBytes().asLongValue());
    assertEquals(Duration.ofHours(1), options.queue().ttl());
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    var options = bind(null);

    assertEquals(Path.of("/var/lib/minicloud/tether-bridge"), options.dataDir());
    assertTrue(options.nodeName().isEmpty());
    assertEquals(Path.of("/etc/minicloud/devices"), options.devicesDir());
    assertEquals(Duration.ofSeconds(1), options.defaultCollectCycle());
    assertTrue(options.mqtt().broker().isEmpty(), "no broker: the embedded loopback one");
    assertEquals(1883, options.mqtt().embeddedPort());
    assertEquals("auto", options.mqtt().protocolVersion());
    assertEquals(Duration.ofDays(7), options.queue().ttl());
    assertTrue(options.demoModbusPort().isEmpty());
  }
}
