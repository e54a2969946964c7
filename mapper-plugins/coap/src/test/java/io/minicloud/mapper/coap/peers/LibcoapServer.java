package io.minicloud.mapper.coap.peers;

import io.minicloud.mapper.api.peers.PeerProcess;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * libcoap's {@code coap-server-openssl} (shared/PEERS.md) on 127.0.0.1: UDP (and TCP) on {@link
 * #port()}, DTLS (and TLS) on {@link #port()} + 1. Resources {@code /time} (observable, Max-Age 1,
 * a notification a second), {@code /example_data} (observable, PUT), {@code /.well-known/core}.
 * Each instance picks its own free port pair and is stopped (and restartable on the same ports).
 */
public final class LibcoapServer implements AutoCloseable {
  public static final String SERVER = "coap-server-openssl";

  /** libcoap's GnuTLS build: the one with raw public keys (RFC 7250). */
  public static final String GNUTLS_SERVER = "coap-server-gnutls";

  public static final String CLIENT = "coap-client-openssl";

  /** Optional PKI for X.509 DTLS: the server's certificate, key and the CA it trusts. */
  public record Pki(Path cert, Path key, Path ca) {}

  private final Path dir;
  private final int port;
  private final String binary;
  private final List<String> securityArgs;
  private Process process;
  private int starts;

  private LibcoapServer(Path dir, int port, String binary, List<String> securityArgs) {
    this.dir = dir;
    this.port = port;
    this.binary = binary;
    this.securityArgs = List.copyOf(securityArgs);
  }

  /** Null when the peer can run here, else why not (for assumeTrue). */
  public static String missing() {
    return PeerProcess.onPath(SERVER) && PeerProcess.onPath(CLIENT)
        ? null
        : SERVER + "/" + CLIENT + " not installed (apt-get install libcoap3-bin)";
  }

  /**
   * Starts a server.
   *
   * @param psk the DTLS pre-shared key it accepts (any identity), empty for none
   */
  public static LibcoapServer start(Path dir, Optional<String> psk, Optional<Pki> pki)
      throws IOException, InterruptedException {
    List<String> security = new ArrayList<>();
    psk.ifPresent(k -> security.addAll(List.of("-k", k)));
    pki.ifPresent(
        p ->
            security.addAll(
                List.of(
                    "-c",
                    p.cert().toString(),
                    "-j",
                    p.key().toString(),
                    "-C",
                    p.ca().toString(),
                    "-R",
                    p.ca().toString())));
    return start(dir, SERVER, security);
  }

  /**
   * libcoap's GnuTLS server with a raw public key: {@code rpkFile} holds its {@code EC PRIVATE KEY}
   * and {@code PUBLIC KEY} (PEM). Null from {@link #missingGnutls()} first.
   */
  public static LibcoapServer startWithRawPublicKey(Path dir, Path rpkFile)
      throws IOException, InterruptedException {
    return start(dir, GNUTLS_SERVER, List.of("-M", rpkFile.toString()));
  }

  /** Null when the GnuTLS server is installed, else why not. */
  public static String missingGnutls() {
    return PeerProcess.onPath(GNUTLS_SERVER)
        ? null
        : GNUTLS_SERVER + " not installed (apt-get install libcoap3-bin)";
  }

  private static LibcoapServer start(Path dir, String binary, List<String> security)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    LibcoapServer server = new LibcoapServer(dir, freePortPair(), binary, security);
    server.launch();
    return server;
  }

  public int port() {
    return port;
  }

  public int dtlsPort() {
    return port + 1;
  }

  public String uri() {
    return "coap://127.0.0.1:" + port;
  }

  public String dtlsUri() {
    return "coaps://127.0.0.1:" + dtlsPort();
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of(binary, "-A", "127.0.0.1", "-p", String.valueOf(port), "-d", "10"));
    command.addAll(securityArgs);
    Path log = dir.resolve("coap-server-" + port + "-" + (++starts) + ".log");
    process = PeerProcess.start(command, log);
    // libcoap serves TCP on the same port as UDP, once both are bound
    PeerProcess.awaitPort(port, Duration.ofSeconds(10), process, log);
  }

  /** Stops the server and starts a new one on the same ports: it forgets every observer. */
  public void restart() throws IOException, InterruptedException {
    stop();
    launch();
  }

  public void stop() throws InterruptedException {
    PeerProcess.stop(process);
  }

  /** Runs libcoap's client against this server; its output (stdout and stderr). */
  public String client(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CLIENT, "-B", "5"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not end");
    }
    return out;
  }

  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A port p with p and p+1 free for both UDP and TCP on 127.0.0.1. */
  static int freePortPair() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      if (free(loopback, p) && free(loopback, p + 1)) {
        return p;
      }
    }
    throw new IOException("no free UDP/TCP port pair found");
  }

  private static boolean free(InetAddress address, int port) {
    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
        ServerSocket tcp = new ServerSocket(port, 1, address)) {
      return udp.isBound() && tcp.isBound();
    } catch (IOException inUse) {
      return false;
    }
  }
}
