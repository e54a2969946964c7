package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Against a JDK HttpServer standing in for an agent's HTTP behaviour; real agents are exercised by
 * the system tests in hil-tests.
 */
class AgentProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final String AGENT_INFO =
      "{\"agent\":\"char-agent\",\"version\":\"0.1.0-SNAPSHOT\",\"node\":\"n\",\"dataDir\":\"/d\"}";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private AgentProbe agentAnswering(int readyCode, String readyBody) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/q/health/ready", ex -> answer(ex, readyCode, readyBody));
    server.createContext("/api/v1/agent", ex -> answer(ex, 200, AGENT_INFO));
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    return new AgentProbe(http, base, TIMEOUT);
  }

  private static void answer(com.sun.net.httpserver.HttpExchange ex, int code, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Test
  void readyAgentIsRunningAndUpWithItsVersion() throws IOException {
    // GIVEN an agent whose readiness says UP
    AgentProbe probe = agentAnswering(200, "{\"status\":\"UP\",\"checks\":[]}");

    // WHEN probed
    ProbeResult result = probe.probe();

    // THEN running, UP, versioned
    assertEquals(ProbeResult.State.RUNNING, result.state());
    assertEquals(ProbeResult.Health.UP, result.health());
    assertEquals("0.1.0-SNAPSHOT", result.version());
    assertNull(result.detail());
  }

  @Test
  void notReadyAgentAnswers503Down() throws IOException {
    // GIVEN readiness DOWN with HTTP 503, as SmallRye Health answers
    AgentProbe probe = agentAnswering(503, "{\"status\":\"DOWN\",\"checks\":[]}");

    // WHEN probed THEN running but DOWN
    ProbeResult result = probe.probe();
    assertEquals(ProbeResult.State.RUNNING, result.state());
    assertEquals(ProbeResult.Health.DOWN, result.health());
    assertEquals("status DOWN", result.detail());
  }

  @Test
  void bare503WithoutJsonIsDown() throws IOException {
    AgentProbe probe = agentAnswering(503, "Service Unavailable");

    ProbeResult result = probe.readiness();

    assertEquals(ProbeResult.Health.DOWN, result.health());
    assertEquals("unreadable health answer", result.detail());
  }

  @Test
  void garbageIsDownNotUp() throws IOException {
    // GIVEN something that answers 200 but not with health JSON
    AgentProbe probe = agentAnswering(200, "<html>hello</html>");

    // WHEN probed THEN it runs but is not counted as UP
    ProbeResult result = probe.readiness();
    assertEquals(ProbeResult.State.RUNNING, result.state());
    assertEquals(ProbeResult.Health.DOWN, result.health());
  }

  @Test
  void unexpectedStatusCodeIsNamed() throws IOException {
    AgentProbe probe = agentAnswering(404, "{}");

    assertEquals("HTTP 404", probe.readiness().detail());
  }

  @Test
  void refusedConnectionIsNotRunning() throws IOException {
    // GIVEN a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    AgentProbe probe = new AgentProbe(http, URI.create("http://127.0.0.1:" + port + "/"), TIMEOUT);

    // WHEN probed THEN not running, health unknown
    ProbeResult result = probe.probe();
    assertEquals(ProbeResult.State.NOT_RUNNING, result.state());
    assertEquals(ProbeResult.Health.UNKNOWN, result.health());
    assertNull(result.version());
  }

  @Test
  void silentServerIsDownAfterTheTimeout() throws IOException {
    // GIVEN a socket that accepts but never answers
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      URI base = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/");
      AgentProbe probe = new AgentProbe(http, base, Duration.ofMillis(300));

      // WHEN probed THEN running (it accepted) but DOWN with the reason
      ProbeResult result = probe.readiness();
      assertEquals(ProbeResult.State.RUNNING, result.state());
      assertEquals("no answer within 300 ms", result.detail());
    }
  }
}
