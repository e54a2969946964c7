package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Manual peers probed over real HTTP: a JDK server plays REAR gateways in each state. */
@Tag("peer")
class FlavorsProbeIT {
  private HttpServer server;
  private int port;

  @BeforeEach
  void startGateways() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway("/ready", 200, "[]");
    gateway("/none", 204, null);
    gateway("/liqo-starting", 503, null);
    gateway("/broken", 500, "oops");
    server.start();
    port = server.getAddress().getPort();
  }

  private void gateway(String prefix, int status, String body) {
    server.createContext(
        prefix + "/api/v2/flavors",
        exchange -> {
          byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void eachAnswerMapsToAPeerState() throws Exception {
    // GIVEN manual peers for each gateway, and one on a port nothing listens on
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    List<ManualPeer> peers =
        List.of(
            ManualPeer.parse(base + "/ready", Optional.of("ready")),
            ManualPeer.parse(base + "/none", Optional.of("none")),
            ManualPeer.parse(base + "/liqo-starting", Optional.of("liqo-starting")),
            ManualPeer.parse(base + "/broken", Optional.of("broken")),
            ManualPeer.parse("127.0.0.1:" + closedPort, Optional.of("closed")));
    var table = new PeerTable(Clock.systemUTC(), 16, Duration.ofMinutes(1));
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    var prober =
        new ManualPeerProber(
            peers,
            table,
            new FlavorsProbe(http, Duration.ofSeconds(20)),
            Executors.newSingleThreadScheduledExecutor(),
            Duration.ofHours(1));
    peers.forEach(p -> table.addManual(p.address().toString(), p.nodeId()));

    // WHEN each is probed once
    prober.probeAll();

    // THEN 200 and 204 are live, 503 not ready, the rest unreachable with the reason
    Map<String, Peer> byId =
        table.peers().stream().collect(Collectors.toMap(Peer::nodeId, Function.identity()));
    assertEquals(PeerState.LIVE, byId.get("ready").state());
    assertNull(byId.get("ready").lastError());
    assertEquals(PeerState.LIVE, byId.get("none").state());
    assertEquals(PeerState.NOT_READY, byId.get("liqo-starting").state());
    assertTrue(byId.get("liqo-starting").lastError().contains("503"));
    assertNotNull(byId.get("liqo-starting").lastSeen());
    assertEquals(PeerState.UNREACHABLE, byId.get("broken").state());
    assertTrue(byId.get("broken").lastError().contains("500"));
    Peer closed = byId.get("closed");
    assertEquals(PeerState.UNREACHABLE, closed.state());
    assertTrue(closed.lastError().contains("ConnectException"), closed.lastError());
    assertNull(closed.lastSeen());
  }
}
