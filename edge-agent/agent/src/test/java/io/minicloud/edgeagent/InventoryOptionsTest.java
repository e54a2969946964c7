package io.minicloud.edgeagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.wiring.EdgeAgentOptions;
import io.minicloud.edgeagent.wiring.EdgeAgentOptions.KubernetesMode;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds the {@code inventory} group of minicloud.yaml without starting Quarkus. */
class InventoryOptionsTest {

  private static EdgeAgentOptions.InventoryOptions bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(EdgeAgentOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(InventoryOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(EdgeAgentOptions.class).inventory();
  }

  @Test
  void bindsTheInventorySection() throws Exception {
    var o = bind("/minicloud-inventory-fixture.yaml");

    assertEquals(Duration.ofSeconds(30), o.refresh());
    assertEquals(Duration.ofSeconds(2), o.timeout());
    assertEquals(1048576, o.maxResponseBytes());
    assertEquals(KubernetesMode.OFF, o.kubernetes());
    assertEquals(
        List.of(URI.create("http://10.0.0.11:9101"), URI.create("http://10.0.0.12:9101")),
        o.charAgents());
    assertEquals("1Gi", o.systemReserve());
    assertEquals(50, o.standalonePods());
    assertEquals(List.of(URI.create("http://10.0.0.11:9102")), o.bridges());
    assertEquals("10.0.0.11:1883", o.mqttBroker());
    var db = o.services().get("site-db");
    assertEquals("database", db.category());
    assertEquals(Optional.of(List.of("postgresql", "sql")), db.tags());
    assertEquals(List.of("Provider", "Shared"), db.hostingPolicies());
    assertTrue(db.configurationTemplate().orElseThrow().contains("required: [database]"));
    var inference = o.services().get("inference");
    assertEquals(List.of("Provider"), inference.hostingPolicies());
    assertTrue(inference.description().isEmpty());
    assertEquals(
        Optional.of(Path.of("/etc/minicloud/schemas/inference.json")),
        inference.configurationTemplateFile());
  }

  @Test
  void defaultsPointAtThisGatewaysAgentsAndNeedNoFile() throws Exception {
    var o = bind(null);

    assertEquals(Duration.ofSeconds(15), o.refresh());
    assertEquals(KubernetesMode.AUTO, o.kubernetes());
    assertEquals(List.of(URI.create("http://127.0.0.1:9101")), o.charAgents());
    assertEquals(List.of(URI.create("http://127.0.0.1:9102")), o.bridges());
    assertEquals("127.0.0.1:1883", o.mqttBroker());
    assertEquals(URI.create("http://127.0.0.1:9000"), o.storageGateway());
    assertEquals("512Mi", o.systemReserve());
    assertEquals(4 << 20, o.maxResponseBytes());
    assertTrue(o.services().isEmpty());
  }
}
