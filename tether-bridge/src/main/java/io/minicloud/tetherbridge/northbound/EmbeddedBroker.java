package io.minicloud.tetherbridge.northbound;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * A loopback-only MQTT 3.1.1 broker (Moquette) for {@code minicloud demo} and for gateways with no
 * broker configured (DESIGN §3). It listens on 127.0.0.1 only, so anonymous clients are allowed:
 * only processes on this machine can reach it. No TLS, no websocket.
 */
public final class EmbeddedBroker implements AutoCloseable {
  public static final String HOST = "127.0.0.1";

  /** Room for a 64 KiB command plus topic and headers; Moquette's own default is 8 KiB. */
  static final int MAX_MESSAGE_BYTES = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class);

  private final int requestedPort;
  private final Path persistenceDir;
  private Server server;
  private int port;

  /**
   * @param port the port on 127.0.0.1, or 0 for any free one (see {@link #port()})
   * @param persistenceDir where sessions and queued messages are kept, or null to keep them in
   *     memory only
   */
  public EmbeddedBroker(int port, Path persistenceDir) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    this.requestedPort = port;
    this.persistenceDir = persistenceDir;
  }

  public synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    int chosen = requestedPort == 0 ? freePort() : requestedPort;
    Properties p = new Properties();
    p.setProperty("host", HOST);
    p.setProperty("port", Integer.toString(chosen));
    p.setProperty("websocket_port", "disabled");
    // no ssl_port / secure_websocket_port at all: Moquette 0.17 sets up TLS (and logs an ERROR
    // when it has no key store) as soon as either key is present, whatever its value
    p.setProperty("allow_anonymous", "true");
    // Moquette 0.17 otherwise reports usage, with this machine's public IP, to its authors
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("use_bugsnag", "false");
    p.setProperty("netty.mqtt.message_size", Integer.toString(MAX_MESSAGE_BYTES));
    if (persistenceDir == null) {
      p.setProperty("persistence_enabled", "false");
    } else {
      Files.createDirectories(persistenceDir);
      p.setProperty("persistence_enabled", "true");
      p.setProperty("data_path", persistenceDir.toAbsolutePath() + "/");
    }
    Server s = new Server();
    try {
      s.startServer(new MemoryConfig(p));
    } catch (IOException | RuntimeException e) {
      s.stopServer();
      throw new IOException(
          "embedded MQTT broker cannot start on " + HOST + ":" + chosen + ": " + e.getMessage(), e);
    }
    server = s;
    port = chosen;
    LOG.infof("embedded MQTT broker (Moquette) listening on %s", uri());
  }

  /** The port it listens on (the chosen one when started with 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the embedded broker is not running");
    }
    return port;
  }

  /**
   * Moquette 0.17 reports the port it bound to asynchronously (and caches a 0 when asked too
   * early), so for "any port" one is picked here. Another process could take it in between; the
   * start then fails with a clear error, and callers that need a fixed port pass one.
   */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  public String uri() {
    return "tcp://" + HOST + ":" + port();
  }

  public synchronized boolean running() {
    return server != null;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stopServer();
      server = null;
      LOG.info("embedded MQTT broker stopped");
    }
  }

  @Override
  public void close() {
    stop();
  }
}
