package io.minicloud.edgeagent.rear;

import io.minicloud.edgeagent.rear.http.RearListener;
import io.minicloud.rear.model.Flavor;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real {@link RearProvider} on loopback (an HTTPS listener and a FLUIDOS plain one, both on
 * ephemeral ports) and a JDK HTTP client that trusts exactly its self-signed certificate.
 */
public final class RearClientKit implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final StaticInventory inventory;
  public final RearProvider provider;
  public final HttpClient client;
  public final String token;

  public RearClientKit(Path dir, StaticInventory inventory) throws Exception {
    this.inventory = inventory;
    RearProvider.Settings settings =
        new RearProvider.Settings(
            RearTestKit.IDENTITY,
            RearTestKit.SETTINGS,
            List.of(
                new RearListener("https", "127.0.0.1", 0, true, false),
                new RearListener("fluidos", "127.0.0.1", 0, false, true)),
            dir,
            null,
            null,
            Duration.ofHours(1),
            Duration.ofDays(365),
            Duration.ofSeconds(20));
    provider = new RearProvider(settings, inventory, vertx, Clock.systemUTC());
    provider.start();
    token = Files.readString(dir.resolve("rear-operator.token")).trim();
    client =
        HttpClient.newBuilder()
            .sslContext(trusting(dir.resolve("tls/rear-cert.pem")))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  public String https(String path) {
    return "https://127.0.0.1:" + provider.ports().get("https") + path;
  }

  public String plain(String path) {
    return "http://127.0.0.1:" + provider.ports().get("fluidos") + path;
  }

  public HttpResponse<String> get(String url, boolean withToken) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET();
    if (withToken) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String url, String body, boolean withToken) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (withToken) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static Flavor[] flavors(HttpResponse<String> response) throws Exception {
    return io.minicloud.rear.model.RearJson.mapper().readValue(response.body(), Flavor[].class);
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      store.setCertificateEntry(
          "rear", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  @Override
  public void close() throws Exception {
    provider.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }
}
