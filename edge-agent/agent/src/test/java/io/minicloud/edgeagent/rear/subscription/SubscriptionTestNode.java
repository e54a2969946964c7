package io.minicloud.edgeagent.rear.subscription;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.rear.RearProvider;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.http.RearListener;
import io.minicloud.edgeagent.rear.subscription.http.SubscriptionRoutes;
import io.minicloud.edgeagent.wiring.MicrometerSubscriptionMetrics;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real REAR provider with subscriptions installed, over an in-memory inventory tests change by
 * hand, on an HTTPS listener with two bearer tokens (two principals), and an HTTPS client pinned to
 * its self-signed certificate.
 */
final class SubscriptionTestNode implements AutoCloseable {

  static final String ALICE = "mcr_alice-test-token";
  static final String BOB = "mcr_bob-test-token";

  /** An inventory whose snapshot the test replaces; listeners hear it at once. */
  static final class MemoryInventory implements Inventory {
    final AtomicReference<InventorySnapshot> current = new AtomicReference<>();
    final List<Consumer<InventorySnapshot>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public InventorySnapshot snapshot() {
      return current.get();
    }

    @Override
    public void onChange(Consumer<InventorySnapshot> listener) {
      listeners.add(listener);
    }

    void set(InventorySnapshot s) {
      current.set(s);
      listeners.forEach(l -> l.accept(s));
    }
  }

  final MemoryInventory inventory = new MemoryInventory();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Vertx vertx = Vertx.vertx();
  final RearProvider provider;
  final Subscriptions subscriptions;
  final HttpClient http;
  final String base;

  SubscriptionTestNode(Path dir, SubscriptionSettings settings) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("rear-tokens"),
        "alice sha256:" + sha256(ALICE) + "\nbob sha256:" + sha256(BOB) + "\n");
    inventory.current.set(
        RearTestKit.snapshot(
            List.of(
                RearTestKit.node("pi-1", "5", "8Gi", "110"),
                RearTestKit.node("pi-2", "4", "4Gi", "110")),
            false));
    provider =
        new RearProvider(
            new RearProvider.Settings(
                RearTestKit.IDENTITY,
                RearTestKit.SETTINGS,
                List.of(new RearListener("rear", "127.0.0.1", 0, true, false)),
                dir,
                null, // the provider makes its own self-signed certificate
                null,
                Duration.ofHours(1),
                Duration.ofDays(365),
                Duration.ofHours(1)),
            inventory,
            vertx,
            Clock.systemUTC());
    subscriptions =
        new Subscriptions(
            new SubscriptionStore(dir.resolve("rear-subscriptions.db")),
            settings,
            new MicrometerSubscriptionMetrics(registry),
            Clock.systemUTC());
    SubscriptionRoutes.install(provider, subscriptions);
    provider.start();
    base = "https://127.0.0.1:" + provider.ports().get("rear");
    http =
        HttpClient.newBuilder()
            .sslContext(trusting(dir.resolve("tls/rear-cert.pem")))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Opens an SSE stream; the caller reads it with {@link SseClient}. */
  SseClient stream(String path, String token, Long lastEventId) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    return new SseClient(r);
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      ks.setCertificateEntry(
          "rear", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private static String sha256(String token) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public void close() throws Exception {
    provider.close();
    subscriptions.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
