package io.minicloud.edgeagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.wiring.EdgeAgentOptions;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.source.yaml.YamlConfigSource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Binds {@code minicloud.edge-agent.discovery} without starting Quarkus. */
class DiscoveryOptionsTest {

  private static EdgeAgentOptions.DiscoveryOptions bind(String yamlResource) throws Exception {
    var builder = new SmallRyeConfigBuilder().withMapping(EdgeAgentOptions.class);
    if (yamlResource != null) {
      builder.withSources(
          new YamlConfigSource(DiscoveryOptionsTest.class.getResource(yamlResource)));
    }
    return builder.build().getConfigMapping(EdgeAgentOptions.class).discovery();
  }

  @Test
  void defaultsFollowTheFluidosNodeAndNeedNoFile() throws Exception {
    var discovery = bind(null);

    assertEquals(1024, discovery.maxPeers());
    assertTrue(discovery.multicast().enabled());
    assertEquals("239.11.11.1", discovery.multicast().group());
    assertEquals(4000, discovery.multicast().port());
    assertEquals(Duration.ofSeconds(5), discovery.multicast().interval());
    assertEquals(Duration.ofSeconds(10), discovery.multicast().expiry());
    assertTrue(discovery.mdns().enabled());
    assertEquals("_fluidos-rear._tcp.local.", discovery.mdns().serviceType());
    assertTrue(discovery.manual().peers().isEmpty());
  }

  @Test
  void bindsTheYamlSection() throws Exception {
    var discovery = bind("/minicloud-discovery-fixture.yaml");

    assertEquals(64, discovery.maxPeers());
    assertFalse(discovery.multicast().enabled());
    assertEquals(Optional.of("eth1"), discovery.multicast().interfaceName());
    assertEquals(Duration.ofSeconds(4), discovery.multicast().expiry());
    assertFalse(discovery.mdns().enabled());
    assertEquals("_minicloud-rear._tcp.local.", discovery.mdns().serviceType());
    var peers = discovery.manual().peers().orElseThrow();
    assertEquals(2, peers.size());
    assertEquals("10.1.2.9:30001", peers.get(0).address());
    assertEquals(Optional.of("gw-other"), peers.get(0).nodeId());
    assertEquals("https://rear.site-b.example", peers.get(1).address());
    assertTrue(peers.get(1).nodeId().isEmpty());
  }
}
