package io.minicloud.edgeagent.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.FakeAgent;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.edgeagent.inventory.source.BoundedHttp;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CharAgentUsageTest {

  @Test
  void aLiveCharAgentsMetricsGiveCpuMemoryAndRootDisk() throws Exception {
    // GIVEN the /q/metrics page of a char-agent built from this repository, plus two zones
    String text =
        FakeAgent.resource("/fixtures/char-agent.live-x86-vm.metrics.txt")
            + "minicloud_char_temperature_celsius{zone=\"thermal_zone0\"} 47.5\n"
            + "minicloud_char_temperature_celsius{zone=\"thermal_zone1\"} 51.25\n";
    try (FakeAgent agent = new FakeAgent()) {
      agent.json("/api/v1/agent", "{\"agent\":\"char-agent\",\"node\":\"vm\"}");
      agent.route("/q/metrics", e -> FakeAgent.send(e, 200, text));

      // WHEN
      NodeUsage u =
          new CharAgentUsage(new BoundedHttp(Duration.ofSeconds(2), 1 << 20)).read(agent.base());

      // THEN
      assertEquals("vm", u.node());
      assertEquals("char-agent", u.source());
      assertEquals(25276502016.0 - 22930591744.0, u.memoryUsedBytes());
      assertEquals(25276502016.0, u.memoryTotalBytes());
      assertEquals(27353460736.0, u.diskUsedBytes());
      assertEquals(51.25, u.temperatureCelsius());
      assertTrue(u.cpuUsage() >= 0 && u.cpuUsage() <= 1, "cpu " + u.cpuUsage());
      assertNull(u.cpuCores());
    }
  }

  @Test
  void aCharAgentAnsweringGarbageIsAnError() throws Exception {
    try (FakeAgent agent = new FakeAgent()) {
      agent.json("/api/v1/agent", "not json at all");

      assertThrows(
          SourceException.class,
          () ->
              new CharAgentUsage(new BoundedHttp(Duration.ofSeconds(2), 1024)).read(agent.base()));
    }
  }

  @Test
  void oddLinesAreSkippedNotFatal() {
    var wanted = Set.of("a", "b", "c", "d");
    var samples =
        PrometheusText.parse(
            "# HELP a x\na 1\nb{x=\"1\" 2\nc{x=\"a\\\"b\",y=\"2\",} 3.5 1700000000\nd NaNish\n\n{}\n",
            wanted);

    assertEquals(2, samples.size());
    assertEquals(1.0, samples.get(0).value());
    assertEquals("a\"b", samples.get(1).labels().get("x"));
    assertEquals(3.5, samples.get(1).value());
  }
}
