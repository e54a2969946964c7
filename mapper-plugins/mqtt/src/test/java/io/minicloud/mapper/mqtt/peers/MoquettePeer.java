package io.minicloud.mapper.mqtt.peers;

import io.minicloud.mapper.api.peers.PeerProcess;
import io.moquette.broker.Server;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Moquette 0.17, the broker the bridge embeds when none is configured (DESIGN §3), run in this JVM.
 * It speaks MQTT 3.1.1 only and refuses an MQTT 5 CONNECT: the real peer for {@code
 * protocolVersion: auto}.
 */
public final class MoquettePeer implements AutoCloseable {
  private final Server server = new Server();
  private final int port = PeerProcess.freePort();

  public static MoquettePeer start(Path dataDir) throws IOException {
    MoquettePeer peer = new MoquettePeer();
    Properties config = new Properties();
    config.setProperty("host", "127.0.0.1");
    config.setProperty("port", Integer.toString(peer.port));
    config.setProperty("allow_anonymous", "true");
    config.setProperty("persistence_enabled", "false");
    config.setProperty("data_path", dataDir.toString());
    config.setProperty("telemetry_enabled", "false"); // 0.17 reports usage to its authors otherwise
    peer.server.startServer(config);
    return peer;
  }

  public int port() {
    return port;
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.stopServer();
  }
}
