package io.minicloud.vim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.vim.wiring.VimOptions;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds {@code provisioning} of the VIM's section without starting Quarkus. */
class ProvisioningOptionsTest {

  private static VimOptions.Provisioning bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(VimOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(ProvisioningOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(VimOptions.class).provisioning();
  }

  @Test
  void bindsTheProvisioningSection() throws Exception {
    var p = bind("/provisioning-fixture.yaml");

    assertEquals(Optional.of("https://192.168.1.10:6443"), p.apiServerUrl());
    assertEquals(Optional.of(Path.of("/etc/rancher/k3s/server-ca.crt")), p.caFile());
    assertEquals(Duration.ofSeconds(30), p.expirySweep());
    assertEquals(Duration.ofDays(30), p.maxTokenLifetime());
  }

  @Test
  void defaultsNeedNoFile() throws Exception {
    var p = bind(null);

    assertTrue(p.apiServerUrl().isEmpty());
    assertTrue(p.tokenFile().isEmpty());
    assertEquals(Duration.ofSeconds(60), p.expirySweep());
    assertEquals(Duration.ofDays(366), p.maxTokenLifetime());
  }
}
