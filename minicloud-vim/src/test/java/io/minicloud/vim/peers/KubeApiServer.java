package io.minicloud.vim.peers;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.minicloud.rear.peers.DebianKubernetesSource;
import io.minicloud.rear.peers.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assumptions;

/**
 * A real kube-apiserver 1.20 on Debian's etcd, on free loopback ports, for minicloud-vim's
 * API-level test tier (shared/PEERS.md, "Kubernetes API"; README.md). No kubelet, scheduler or
 * controller-manager runs: objects are stored, validated, admitted and authorized for real, but
 * pods never start, namespaces never finish deleting and legacy service-account token Secrets are
 * never filled in.
 *
 * <p>Tests get one per JVM with {@link #shared()}; it builds kube-apiserver the first time ({@link
 * KubeApiServerBuild}, 11-20 min) and skips the test, naming what to install, only when Go, etcd or
 * the other build tools are absent. The admin is a static bearer token in system:masters; {@link
 * #client()} trusts exactly the server's own self-signed CA.
 */
public final class KubeApiServer implements AutoCloseable {

  /** How kube-apiserver authorizes requests. */
  public enum Authorization {
    /** Everyone may do everything. */
    ALWAYS_ALLOW("AlwaysAllow"),
    /**
     * Roles and bindings; the bootstrap roles (cluster-admin, ...) are created by kube-apiserver
     * itself, so this works without a controller-manager.
     */
    RBAC("RBAC");

    final String flag;

    Authorization(String flag) {
      this.flag = flag;
    }
  }

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static KubeApiServer shared;

  private final Path dir;
  private final LoggedProcess etcd;
  private final LoggedProcess apiServer;
  private final URI url;
  private final String caPem;
  private final String adminToken;
  private final Authorization authorization;

  private KubeApiServer(
      Path dir,
      LoggedProcess etcd,
      LoggedProcess apiServer,
      URI url,
      String caPem,
      String adminToken,
      Authorization authorization) {
    this.dir = dir;
    this.etcd = etcd;
    this.apiServer = apiServer;
    this.url = url;
    this.caPem = caPem;
    this.adminToken = adminToken;
    this.authorization = authorization;
  }

  /**
   * The JVM's kube-apiserver with RBAC (the admin may still do anything), started on first use and
   * stopped when the JVM exits. Skips the calling test when it cannot be had here.
   */
  public static synchronized KubeApiServer shared() {
    if (shared == null) {
      shared = start(Authorization.RBAC);
      KubeApiServer started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kube-apiserver-stop"));
    }
    return shared;
  }

  /**
   * A kube-apiserver of the caller's own, which the caller closes. Skips the calling test when Go
   * (for the first build) or etcd is absent; fails it when the build or the start fails.
   */
  public static KubeApiServer start(Authorization authorization) {
    Path etcdCommand =
        Tools.find("etcd")
            .orElseGet(
                () -> {
                  Assumptions.abort(
                      "no real kube-apiserver: " + Tools.missing("etcd", "etcd-server"));
                  return null;
                });
    try {
      return start(binary(), etcdCommand, authorization);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting kube-apiserver", e);
    }
  }

  /** The cached kube-apiserver, built now if the build can run here, or the test is skipped. */
  private static Path binary() throws IOException {
    Optional<Path> cached = KubeApiServerBuild.cachedBinary();
    if (cached.isPresent()) {
      return cached.get();
    }
    KubeApiServerBuild.missingForBuild()
        .ifPresent(
            missing ->
                Assumptions.abort(
                    "no real kube-apiserver: it is not in "
                        + DebianKubernetesSource.cacheRoot()
                            .resolve(KubeApiServerBuild.cacheEntry())
                        + " and cannot be built: "
                        + missing));
    return KubeApiServerBuild.binary();
  }

  private static KubeApiServer start(Path binary, Path etcdCommand, Authorization authorization)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("kube-apiserver-");
    LoggedProcess etcd = null;
    LoggedProcess apiServer = null;
    try {
      KubeApiServerFiles files = KubeApiServerFiles.writeInto(dir);
      int clientPort = freePort();
      int peerPort = freePort();
      int securePort = freePort();
      String etcdUrl = "http://127.0.0.1:" + clientPort;
      String peerUrl = "http://127.0.0.1:" + peerPort;
      etcd =
          LoggedProcess.start(
              "etcd",
              dir.resolve("etcd.log"),
              List.of(
                  etcdCommand.toString(),
                  "--name=default",
                  "--data-dir=" + dir.resolve("etcd-data"),
                  "--listen-client-urls=" + etcdUrl,
                  "--advertise-client-urls=" + etcdUrl,
                  "--listen-peer-urls=" + peerUrl,
                  "--initial-advertise-peer-urls=" + peerUrl,
                  "--initial-cluster=default=" + peerUrl));
      apiServer =
          LoggedProcess.start(
              "kube-apiserver",
              dir.resolve("kube-apiserver.log"),
              List.of(
                  binary.toString(),
                  "--etcd-servers=" + etcdUrl,
                  "--bind-address=127.0.0.1",
                  "--advertise-address=127.0.0.1",
                  "--secure-port=" + securePort,
                  // 1.20 still opens an unauthenticated port 8080 unless told not to
                  "--insecure-port=0",
                  "--cert-dir=" + files.certDir,
                  "--token-auth-file=" + files.tokenFile,
                  "--authorization-mode=" + authorization.flag,
                  "--service-account-issuer=https://kubernetes.default.svc",
                  "--service-account-key-file=" + files.serviceAccountPublicKey,
                  "--service-account-signing-key-file=" + files.serviceAccountPrivateKey,
                  "--service-cluster-ip-range=10.0.0.0/24"));
      URI url = URI.create("https://127.0.0.1:" + securePort);
      String caPem = awaitReady(url, files, etcd, apiServer);
      return new KubeApiServer(dir, etcd, apiServer, url, caPem, files.adminToken, authorization);
    } catch (IOException | RuntimeException | InterruptedException e) {
      stop(apiServer, etcd, dir);
      throw e;
    }
  }

  /** Waits for the serving certificate, then for /readyz; returns the certificate chain. */
  private static String awaitReady(
      URI url, KubeApiServerFiles files, LoggedProcess etcd, LoggedProcess apiServer)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    HttpClient http = null;
    String caPem = null;
    String lastAnswer = "no answer yet";
    while (System.nanoTime() < deadline) {
      for (LoggedProcess process : List.of(etcd, apiServer)) {
        if (!process.isAlive()) {
          throw new IOException("kube-apiserver did not start: " + process.exitReport());
        }
      }
      if (http == null && Files.exists(files.servingCertificate())) {
        String written = Files.readString(files.servingCertificate(), StandardCharsets.US_ASCII);
        try {
          http = trustingClient(written);
          caPem = written;
        } catch (GeneralSecurityException e) { // still being written: read it again
          lastAnswer = "the serving certificate does not parse yet: " + e.getMessage();
        }
      }
      if (http != null) {
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(url.resolve("/readyz"))
                      .header("Authorization", "Bearer " + files.adminToken)
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200) {
            return caPem;
          }
          lastAnswer = "/readyz answered " + response.statusCode() + ": " + response.body();
        } catch (IOException e) {
          lastAnswer = "/readyz: " + e;
        }
      }
      Thread.sleep(250);
    }
    throw new IOException(
        "kube-apiserver was not ready within "
            + READY_TIMEOUT.toSeconds()
            + " s ("
            + lastAnswer
            + "); "
            + apiServer.exitReport());
  }

  private static HttpClient trustingClient(String caPem)
      throws GeneralSecurityException, IOException {
    SSLContext ssl = KubeApiServerFiles.trust(caPem);
    return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A port free a moment ago; the small race with other programs is accepted in tests. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The server's https URL on 127.0.0.1. */
  public URI url() {
    return url;
  }

  /** The serving certificate chain (leaf and self-signed CA) as PEM, for a kubeconfig. */
  public String caCertificatePem() {
    return caPem;
  }

  /** The admin's bearer token (system:masters). A secret: keep it out of logs and messages. */
  public String adminToken() {
    return adminToken;
  }

  public Authorization authorization() {
    return authorization;
  }

  /** A new client acting as the admin; the caller closes it. */
  public KubernetesClient client() {
    return clientWithToken(adminToken);
  }

  /** A new client presenting a bearer token (e.g. a service account's); the caller closes it. */
  public KubernetesClient clientWithToken(String token) {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(url.toString())
            .withOauthToken(token)
            .withCaCertData(
                Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII)))
            .withRequestTimeout(30_000)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  @Override
  public void close() {
    stop(apiServer, etcd, dir);
  }

  private static void stop(LoggedProcess apiServer, LoggedProcess etcd, Path dir) {
    try {
      if (apiServer != null) {
        apiServer.close();
      }
      if (etcd != null) {
        etcd.close();
      }
      DebianKubernetesSource.deleteTree(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove kube-apiserver's files in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Says where the server is and how it authorizes, never the token. */
  @Override
  public String toString() {
    return "kube-apiserver " + url + " (" + authorization.flag + ")";
  }
}
