package io.minicloud.charagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.wiring.CharAgentOptions;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds the characterization settings of minicloud.yaml without starting Quarkus. */
class CharacterizationOptionsTest {

  private static CharAgentOptions bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(CharAgentOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(CharacterizationOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(CharAgentOptions.class);
  }

  @Test
  void bindsRootRefreshLocationAndKubernetes() throws Exception {
    var options = bind("/minicloud-characterization-fixture.yaml");

    assertEquals(Path.of("/host"), options.root());
    assertEquals(Duration.ofSeconds(10), options.refresh());
    assertTrue(options.allowRootOverride());
    assertEquals(Optional.of("Europe"), options.location().continent());
    assertEquals(Optional.of("IT"), options.location().country());
    assertEquals(Optional.of("Torino"), options.location().city());
    assertEquals(Optional.of(45.07), options.location().latitude());
    assertEquals(Optional.of(7.69), options.location().longitude());
    assertFalse(options.kubernetes().labelNode());
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    var options = bind(null);

    assertEquals(Path.of("/"), options.root());
    assertEquals(Duration.ofSeconds(30), options.refresh());
    assertFalse(options.allowRootOverride());
    assertTrue(options.location().country().isEmpty());
    assertTrue(options.location().latitude().isEmpty());
    assertTrue(options.kubernetes().labelNode());
  }
}
