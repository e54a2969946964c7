package io.minicloud.edgeagent.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binds {@code rear.provisioning} of minicloud.yaml without starting Quarkus. */
class RearProvisioningOptionsTest {

  private static EdgeAgentOptions bind(String yamlResource, Map<String, String> extra)
      throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(EdgeAgentOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(RearProvisioningOptionsTest.class.getResource(yamlResource)));
    }
    builder.withSources(new PropertiesConfigSource(extra, "test", 500));
    return builder.build().getConfigMapping(EdgeAgentOptions.class);
  }

  @Test
  void bindsTheProvisioningSection() throws Exception {
    var vim =
        RearSettingsMapper.vim(bind("/minicloud-rear-provisioning-fixture.yaml", Map.of()))
            .orElseThrow();

    assertEquals(URI.create("http://10.0.0.11:9103"), vim.url());
    assertEquals(Path.of("/srv/minicloud/minicloud-vim/provisioning-token"), vim.tokenFile());
    assertEquals("registry.local/debian:12", vim.vmImage());
    assertEquals(Duration.ofSeconds(2), vim.poll());
    assertEquals(Duration.ofSeconds(1), vim.retryFirst());
    assertEquals(Duration.ofMinutes(1), vim.retryCap());
    assertEquals(Duration.ofSeconds(3), vim.timeout());
  }

  @Test
  void defaultsReachTheLocalVimAndNeedNoFile() throws Exception {
    var vim = RearSettingsMapper.vim(bind(null, Map.of())).orElseThrow();

    assertEquals(URI.create("http://127.0.0.1:9103"), vim.url());
    assertEquals(Path.of("/var/lib/minicloud/minicloud-vim/provisioning-token"), vim.tokenFile());
  }

  @Test
  void offMeansNoProvisioningAndABadUrlNamesTheSetting() throws Exception {
    assertTrue(
        RearSettingsMapper.vim(
                bind(null, Map.of("minicloud.edge-agent.rear.provisioning.enabled", "false")))
            .isEmpty());
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RearSettingsMapper.vim(
                    bind(
                        null,
                        Map.of("minicloud.edge-agent.rear.provisioning.vim-url", "ftp://x"))));
    assertTrue(e.getMessage().startsWith("minicloud.edge-agent.rear.provisioning.vim-url"));
  }
}
