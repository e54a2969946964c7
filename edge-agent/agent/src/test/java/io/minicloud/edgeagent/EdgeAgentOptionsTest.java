package io.minicloud.edgeagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.wiring.EdgeAgentOptions;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds the agent's section of minicloud.yaml without starting Quarkus. */
class EdgeAgentOptionsTest {

  private static EdgeAgentOptions bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(EdgeAgentOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(EdgeAgentOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(EdgeAgentOptions.class);
  }

  @Test
  void bindsTheYamlSection() throws Exception {
    var options = bind("/minicloud-fixture.yaml");

    assertEquals(Path.of("/srv/minicloud/edge-agent"), options.dataDir());
    assertEquals(Optional.of("gw-17"), options.nodeName());
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    var options = bind(null);

    assertEquals(Path.of("/var/lib/minicloud/edge-agent"), options.dataDir());
    assertTrue(options.nodeName().isEmpty());
  }
}
