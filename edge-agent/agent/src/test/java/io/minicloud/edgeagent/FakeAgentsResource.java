package io.minicloud.edgeagent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A fake char-agent, tether-bridge and storage gateway for the app tests, and a broker port where
 * nobody listens (also a second, dead bridge: a stale source): the inventory's defaults would read
 * whatever runs on this machine's 9101/9102.
 */
public class FakeAgentsResource implements QuarkusTestResourceLifecycleManager {

  private FakeAgent charAgent;
  private FakeAgent bridge;

  @Override
  public Map<String, String> start() {
    try {
      charAgent = new FakeAgent();
      charAgent.json("/characterization", FakeAgent.resource("/fixtures/char-agent.rpi4b.json"));
      charAgent.json("/api/v1/agent", "{\"agent\":\"char-agent\",\"node\":\"rpi4b-bookworm64\"}");
      String metrics = FakeAgent.resource("/fixtures/char-agent.live-x86-vm.metrics.txt");
      charAgent.route("/q/metrics", e -> FakeAgent.send(e, 200, metrics));
      bridge = new FakeAgent();
      bridge.json("/api/v1/agent", "{\"agent\":\"tether-bridge\",\"node\":\"rpi4b-bookworm64\"}");
      bridge.json(
          "/api/v1/devices",
          "[{\"device\":\"demo-climate\",\"link\":\"tcp:127.0.0.1:15020\",\"health\":\"online\"}]");
      bridge.json(
          "/api/v1/devices/demo-climate",
          "{\"source\":\"/nonexistent\",\"properties\":{\"temperature\":{\"value\":21.5}}}");
      int closedPort;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort();
      }
      return Map.of(
          "minicloud.edge-agent.inventory.char-agents",
          charAgent.base().toString(),
          "minicloud.edge-agent.inventory.bridges",
          bridge.base() + ",http://127.0.0.1:" + closedPort,
          "minicloud.edge-agent.inventory.mqtt-broker",
          "127.0.0.1:" + closedPort,
          "minicloud.edge-agent.inventory.storage-gateway",
          "http://127.0.0.1:" + closedPort,
          "minicloud.edge-agent.inventory.refresh",
          "1s");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    charAgent.close();
    bridge.close();
  }
}
