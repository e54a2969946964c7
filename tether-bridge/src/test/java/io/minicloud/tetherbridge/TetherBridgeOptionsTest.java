package io.minicloud.tetherbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.wiring.TetherBridgeOptions;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds the agent's section of minicloud.yaml without starting Quarkus. */
class TetherBridgeOptionsTest {

  private static TetherBridgeOptions bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(TetherBridgeOptions.class);
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
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    var options = bind(null);

    assertEquals(Path.of("/var/lib/minicloud/tether-bridge"), options.dataDir());
    assertTrue(options.nodeName().isEmpty());
  }
}
