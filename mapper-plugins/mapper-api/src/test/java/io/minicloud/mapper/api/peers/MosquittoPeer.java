package io.minicloud.mapper.api.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Mosquitto broker (Debian's mosquitto 2.0) on a free loopback port, in one of three modes:
 * plain and anonymous, TLS with a password file, or mutual TLS (the client certificate's CN is the
 * user name). Can be stopped and started again on the same port, keeping its persistence file, to
 * script outages.
 */
public final class MosquittoPeer implements AutoCloseable {
  public static final String USER = "bridge";
  public static final String PASSWORD = "s3cret-for-tests";

  /** How clients must connect. */
  public enum Mode {
    PLAIN,
    TLS_PASSWORD,
    MUTUAL_TLS
  }

  private final Path dir;
  private final Mode mode;
  private final int port;
  private final TestCertificates certificates;
  private Process process;

  private MosquittoPeer(Path dir, Mode mode, TestCertificates certificates) {
    this.dir = dir;
    this.mode = mode;
    this.port = PeerProcess.freePort();
    this.certificates = certificates;
  }

  public static boolean installed() {
    return PeerProcess.onPath("mosquitto") || Files.isExecutable(Path.of("/usr/sbin/mosquitto"));
  }

  /** Writes the config (and certificates, password file) under {@code dir} and starts. */
  public static MosquittoPeer start(Path dir, Mode mode) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    TestCertificates certs =
        mode == Mode.PLAIN ? null : TestCertificates.create(dir.resolve("pki"));
    MosquittoPeer peer = new MosquittoPeer(dir, mode, certs);
    peer.writeConfig();
    peer.start();
    return peer;
  }

  private void writeConfig() throws IOException, InterruptedException {
    StringBuilder conf = new StringBuilder();
    // run as whoever runs the tests: as root, mosquitto would switch to user mosquitto, which
    // cannot read a key in a test directory
    conf.append("user ").append(System.getProperty("user.name")).append('\n');
    conf.append("persistence true\npersistence_location ").append(dir).append("/\n");
    conf.append("log_dest stdout\nlog_type error\nlog_type warning\nlog_type notice\n");
    conf.append("listener ").append(port).append(" 127.0.0.1\n");
    if (mode == Mode.PLAIN) {
      conf.append("allow_anonymous true\n");
    } else {
      conf.append("cafile ").append(certificates.caCert()).append('\n');
      conf.append("certfile ").append(certificates.serverCert()).append('\n');
      conf.append("keyfile ").append(certificates.serverKey()).append('\n');
      conf.append("allow_anonymous false\n");
      if (mode == Mode.TLS_PASSWORD) {
        Path passwords = dir.resolve("passwords");
        PeerProcess.run(dir, "mosquitto_passwd", "-b", "-c", passwords.toString(), USER, PASSWORD);
        conf.append("password_file ").append(passwords).append('\n');
      } else {
        conf.append("require_certificate true\nuse_identity_as_username true\n");
      }
    }
    Files.writeString(dir.resolve("mosquitto.conf"), conf);
  }

  /** (Re)starts the broker on its port. */
  public void start() throws IOException, InterruptedException {
    String binary = PeerProcess.onPath("mosquitto") ? "mosquitto" : "/usr/sbin/mosquitto";
    Path log = dir.resolve("mosquitto.log");
    process =
        PeerProcess.start(List.of(binary, "-c", dir.resolve("mosquitto.conf").toString()), log);
    PeerProcess.awaitPort(port, Duration.ofSeconds(10), process, log);
  }

  /** Stops the broker (SIGTERM: it saves its persistence file). */
  public void stop() throws InterruptedException {
    PeerProcess.stop(process);
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  /** {@code tcp://127.0.0.1:port} or {@code ssl://127.0.0.1:port}. */
  public String uri() {
    return (mode == Mode.PLAIN ? "tcp" : "ssl") + "://127.0.0.1:" + port;
  }

  /** Null in plain mode. */
  public TestCertificates certificates() {
    return certificates;
  }

  public Path log() {
    return dir.resolve("mosquitto.log");
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
