package io.minicloud.edgeagent.rear.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.rear.RearProvider;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.StaticInventory;
import io.minicloud.edgeagent.rear.http.RearListener;
import io.minicloud.rear.contract.ContractSignatures;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buyer's side over real sockets: a purchase is provisioned by a JDK HttpServer playing
 * minicloud-vim ({@link FakeVim}), and only the buyer that purchased reads the kubeconfig.
 */
class ContractCredentialsHttpTest {

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private FakeVim vim;
  private RearProvider provider;
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    Files.writeString(
        dir.resolve("rear-tokens"),
        "alice sha256:"
            + sha256("alice-token")
            + "\nmallory sha256:"
            + sha256("mallory-token")
            + "\n");
    vim = new FakeVim(dir);
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
    provider =
        new RearProvider(
            settings,
            new StaticInventory(
                RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "4", "8Gi", "110")), true)),
            vertx,
            Clock.systemUTC());
    provider.provisionThrough(vim.settings());
    provider.start();
    http = HttpClient.newBuilder().sslContext(trusting(dir.resolve("tls/rear-cert.pem"))).build();
  }

  @AfterEach
  void stop() throws Exception {
    provider.close();
    vim.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void onlyTheBuyerThatPurchasedReadsTheKubeconfig() throws Exception {
    Contract sold = buy("alice-token");
    assertNull(sold.peeringTargetCredentials(), "no credentials before provisioning");
    assertEquals("pending", sold.extraInformation().get("provisioning"));

    provider.provisioning().runOnce();
    HttpResponse<String> mine =
        call("GET", https("/api/v2/contracts/" + sold.contractId()), "alice-token", null);

    assertEquals(200, mine.statusCode(), mine.body());
    Contract read = RearJson.mapper().readValue(mine.body(), Contract.class);
    assertEquals("provisioned", read.extraInformation().get("provisioning"));
    String yaml =
        new String(
            Base64.getDecoder().decode(read.peeringTargetCredentials().kubeconfig()),
            StandardCharsets.UTF_8);
    assertTrue(yaml.startsWith("apiVersion: v1"), yaml);
    ContractSignatures.verify(read, provider.signer().publicKey());
    assertFalse(
        read.peeringTargetCredentials()
            .toString()
            .contains(read.peeringTargetCredentials().kubeconfig()));

    assertEquals(
        403,
        call("GET", https("/api/v2/contracts/" + sold.contractId()), "mallory-token", null)
            .statusCode());
    assertEquals(
        401, call("GET", https("/api/v2/contracts/" + sold.contractId()), null, null).statusCode());
    assertEquals(
        403, call("GET", plain("/api/v2/contracts/" + sold.contractId()), null, null).statusCode());
    assertEquals(
        404,
        call("GET", https("/api/v2/contracts/contract-nope"), "alice-token", null).statusCode());
    assertEquals(
        400, call("GET", https("/api/v2/contracts/Not_A_Name"), "alice-token", null).statusCode());
    assertEquals(
        403,
        call("DELETE", https("/api/v2/contracts/" + sold.contractId()), "mallory-token", null)
            .statusCode());
  }

  @Test
  void aRetriedPurchaseCarriesTheCredentialsTooAndEachReadIssuesANewOne() throws Exception {
    Contract sold = buy("alice-token");
    provider.provisioning().runOnce();

    HttpResponse<String> again =
        call(
            "POST",
            https("/api/v2/transactions/" + sold.transactionId() + "/purchase"),
            "alice-token",
            "");
    HttpResponse<String> read =
        call("GET", https("/api/v2/contracts/" + sold.contractId()), "alice-token", null);

    Contract first = RearJson.mapper().readValue(again.body(), Contract.class);
    Contract second = RearJson.mapper().readValue(read.body(), Contract.class);
    assertEquals(sold.contractId(), first.contractId());
    assertTrue(
        first.peeringTargetCredentials() != null && second.peeringTargetCredentials() != null);
    assertFalse(
        first
            .peeringTargetCredentials()
            .kubeconfig()
            .equals(second.peeringTargetCredentials().kubeconfig()));
  }

  @Test
  void theBuyerWithdrawsAndTheProvisionIsRevoked() throws Exception {
    Contract sold = buy("alice-token");
    provider.provisioning().runOnce();

    assertEquals(
        204,
        call("DELETE", https("/api/v2/contracts/" + sold.contractId()), "alice-token", null)
            .statusCode());
    provider.provisioning().runOnce();

    assertEquals(true, vim.revoked.get(sold.contractId()));
    Contract read =
        RearJson.mapper()
            .readValue(
                call("GET", https("/api/v2/contracts/" + sold.contractId()), "alice-token", null)
                    .body(),
                Contract.class);
    assertEquals("revoked", read.extraInformation().get("provisioning"));
    assertNull(read.peeringTargetCredentials());
    assertEquals(
        204,
        call("DELETE", https("/api/v2/contracts/" + sold.contractId()), "alice-token", null)
            .statusCode());
  }

  private Contract buy(String token) throws Exception {
    String flavorId =
        provider.ledger().currentOffers().stream()
            .filter(o -> o.type().equals(FlavorType.K8SLICE))
            .findFirst()
            .orElseThrow()
            .id();
    String reserve =
        RearJson.mapper()
            .writeValueAsString(new ReserveRequest(flavorId, RearTestKit.buyer("b1"), null));
    HttpResponse<String> r = call("POST", https("/api/v2/reservations"), token, reserve);
    assertEquals(200, r.statusCode(), r.body());
    Transaction t = RearJson.mapper().readValue(r.body(), Transaction.class);
    HttpResponse<String> p =
        call("POST", https("/api/v2/transactions/" + t.transactionId() + "/purchase"), token, "");
    assertEquals(200, p.statusCode(), p.body());
    return RearJson.mapper().readValue(p.body(), Contract.class);
  }

  private String https(String path) {
    return "https://127.0.0.1:" + provider.ports().get("https") + path;
  }

  private String plain(String path) {
    return "http://127.0.0.1:" + provider.ports().get("fluidos") + path;
  }

  private HttpResponse<String> call(String method, String url, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
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
}
