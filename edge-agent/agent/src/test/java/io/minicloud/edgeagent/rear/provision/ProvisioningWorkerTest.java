package io.minicloud.edgeagent.rear.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.ledger.ProvisioningRow;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker between the ledger and a JDK HttpServer playing minicloud-vim ({@link FakeVim}). */
class ProvisioningWorkerTest {

  @TempDir Path dir;
  private RearTestKit kit;
  private FakeVim vim;
  private ProvisioningWorker worker;
  private final AtomicInteger capacityChanges = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    kit =
        new RearTestKit(
            dir, RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "4", "8Gi", "110")), true));
    vim = new FakeVim(dir);
    worker = worker(vim.settings());
  }

  private ProvisioningWorker worker(VimSettings settings) {
    return new ProvisioningWorker(
        kit.store, new VimClient(settings), settings, kit.clock, capacityChanges::incrementAndGet);
  }

  @AfterEach
  void tearDown() throws Exception {
    vim.close();
    kit.store.close();
  }

  static Contract buySlice(RearTestKit kit, String buyer, String principal) throws Exception {
    String id =
        kit.ledger.currentOffers().stream()
            .filter(o -> o.type().equals(FlavorType.K8SLICE))
            .findFirst()
            .orElseThrow()
            .id();
    Configuration part =
        Configuration.of("k8slice", Map.of("cpu", "1500m", "memory", "2Gi", "pods", "10"));
    Transaction t =
        kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer(buyer), part), principal);
    return kit.ledger.purchase(t.transactionId(), null, principal);
  }

  private ProvisioningRow row(Contract c) throws Exception {
    return kit.store.provisioningOf(c.contractId()).orElseThrow();
  }

  @Test
  void aPendingPurchaseIsProvisionedWithTheCarvedSizeTheBuyerAndTheExpiry() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    assertEquals("pending", row(c).state());

    assertEquals(1, worker.runOnce());

    JsonNode asked = vim.provisions.get(c.contractId());
    assertEquals("K8Slice", asked.path("flavorType").asText());
    assertEquals("b1", asked.path("buyerId").asText());
    assertEquals("1500m", asked.path("resources").path("cpu").asText());
    assertEquals("2Gi", asked.path("resources").path("memory").asText());
    assertEquals("10", asked.path("resources").path("pods").asText());
    assertEquals(c.expirationTime().toString(), asked.path("expiresAt").asText());
    ProvisioningRow r = row(c);
    assertEquals("provisioned", r.state());
    assertTrue(r.detail().contains("rear-" + c.contractId()), r.detail());
    assertFalse(r.detail().contains("apiVersion"), "no kubeconfig in the ledger");
    assertEquals(0, worker.runOnce(), "nothing more to do");
    assertEquals(1, vim.calls.stream().filter(s -> s.startsWith("POST")).count());
  }

  @Test
  void whileTheVimIsUnreachableThePurchaseStaysPendingAndIsRetriedWithBackoff() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    vim.failWith = 503;
    vim.failMessage = "detached: no Kubernetes cluster, nothing can be provisioned";

    assertEquals(0, worker.runOnce());
    ProvisioningRow first = row(c);
    assertEquals("pending", first.state());
    assertEquals(1, first.attempts());
    assertTrue(first.detail().contains("detached"), first.detail());
    Duration wait = Duration.between(kit.clock.instant(), first.nextAttemptAt());
    assertTrue(wait.getSeconds() >= 5 && wait.getSeconds() <= 10, wait.toString());

    worker.runOnce(); // too early: not even tried
    assertEquals(1, vim.calls.size());

    kit.clock.advance(Duration.ofSeconds(11));
    worker.runOnce();
    ProvisioningRow second = row(c);
    assertEquals(2, second.attempts());
    Duration longer = Duration.between(kit.clock.instant(), second.nextAttemptAt());
    assertTrue(longer.getSeconds() >= 10 && longer.getSeconds() <= 20, "doubled: " + longer);

    vim.failWith = 0;
    kit.clock.advance(Duration.ofSeconds(21));
    assertEquals(1, worker.runOnce());
    assertEquals("provisioned", row(c).state());
    assertEquals(0, row(c).attempts());
  }

  @Test
  void aVimThatIsNotRunningAtAllIsRetriedToo() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    VimSettings nowhere =
        new VimSettings(
            URI.create("http://127.0.0.1:1"),
            vim.tokenFile,
            "img",
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMinutes(5),
            Duration.ofSeconds(2));

    worker(nowhere).runOnce();

    assertEquals("pending", row(c).state());
    assertTrue(row(c).detail().contains("unreachable"), row(c).detail());
  }

  @Test
  void aRefusalFailsTheProvisionWithTheVimsReason() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    vim.failWith = 400;
    vim.failMessage = "resources.memory: '1Ei' is more than this minicloud could ever give";

    assertEquals(1, worker.runOnce());

    assertEquals("failed", row(c).state());
    assertTrue(row(c).detail().contains("resources.memory"), row(c).detail());
  }

  @Test
  void aWrongTokenIsRetriedNotFailed() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    java.nio.file.Files.writeString(vim.tokenFile, "not-the-token");

    worker.runOnce();

    assertEquals("pending", row(c).state());
    assertTrue(row(c).detail().contains("401"), row(c).detail());
  }

  @Test
  void anExpiredContractIsRevokedAndItsCapacityReturns() throws Exception {
    String before =
        kit.ledger.currentOffers().stream()
            .filter(o -> o.type().equals(FlavorType.K8SLICE))
            .findFirst()
            .orElseThrow()
            .flavor()
            .type()
            .k8slice()
            .characteristics()
            .cpu()
            .toString();
    Contract c = buySlice(kit, "b1", "token:b1");
    worker.runOnce();

    kit.clock.advance(Duration.ofDays(366));
    assertEquals(1, worker.runOnce());

    assertEquals(true, vim.revoked.get(c.contractId()));
    assertEquals("revoked", row(c).state());
    assertTrue(row(c).detail().contains("expired"), row(c).detail());
    assertEquals(1, capacityChanges.get());
    String after =
        kit.ledger.currentOffers().stream()
            .filter(o -> o.type().equals(FlavorType.K8SLICE))
            .findFirst()
            .orElseThrow()
            .flavor()
            .type()
            .k8slice()
            .characteristics()
            .cpu()
            .toString();
    assertEquals(before, after, "the slice's CPU is offered again");
    assertEquals(0, worker.runOnce());
  }

  @Test
  void aWithdrawnContractIsRevokedOnceTheVimIsBack() throws Exception {
    Contract c = buySlice(kit, "b1", "token:b1");
    worker.runOnce();
    new ContractAccess(kit.store, java.util.Optional.empty(), kit.clock)
        .withdraw(c.contractId(), "token:b1");
    vim.failWith = 502;

    worker.runOnce();
    assertEquals("withdrawn", row(c).state());
    assertTrue(row(c).detail().startsWith("revocation pending"), row(c).detail());

    vim.failWith = 0;
    kit.clock.advance(Duration.ofMinutes(1));
    worker.runOnce();
    assertEquals("revoked", row(c).state());
    assertEquals(true, vim.revoked.get(c.contractId()));
  }
}
