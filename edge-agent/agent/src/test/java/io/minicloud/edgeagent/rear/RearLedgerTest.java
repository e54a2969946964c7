package io.minicloud.edgeagent.rear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.contract.ContractSignatures;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
import io.minicloud.rear.quantity.Quantity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RearLedgerTest {

  @TempDir Path dir;
  RearTestKit kit;

  @BeforeEach
  void setUp() throws Exception {
    kit =
        new RearTestKit(
            dir, RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "5", "8Gi", "110")), true));
  }

  @AfterEach
  void tearDown() throws Exception {
    kit.store.close();
  }

  private Offer offer(String type) throws RearError {
    return kit.ledger.currentOffers().stream()
        .filter(o -> o.type().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static Configuration slice(String cpu, String memory, String pods) {
    return Configuration.of("k8slice", Map.of("cpu", cpu, "memory", memory, "pods", pods));
  }

  @Test
  void aPartitionableSliceReservationCarvesExactlyTheRequestedSize() throws Exception {
    String id = offer(FlavorType.K8SLICE).id();
    Transaction t =
        kit.ledger.reserve(
            new ReserveRequest(id, RearTestKit.buyer("b1"), slice("1500m", "2Gi", "10")),
            "token:b1");
    assertEquals(id, t.flavorId());
    assertEquals(kit.clock.instant().plus(Duration.ofHours(1)), t.expirationTime());
    assertNull(
        t.buyer().additionalInformation().kubeconfig(), "the buyer's kubeconfig is never kept");
    var left = offer(FlavorType.K8SLICE).flavor().type().k8slice().characteristics();
    assertEquals("3500m", left.cpu().toString());
    assertEquals("6Gi", left.memory().toString());
    assertEquals("100", left.pods().toString());
  }

  @Test
  void exactlyAsManyReservationsSucceedAsThereIsRoomFor() throws Exception {
    // 5 CPUs, slices of 500m: room for exactly 10, whatever the interleaving of 100 buyers
    String id = offer(FlavorType.K8SLICE).id();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String buyer = "b" + i;
      Callable<Integer> call =
          () -> {
            try {
              kit.ledger.reserve(
                  new ReserveRequest(id, RearTestKit.buyer(buyer), slice("500m", "256Mi", "1")),
                  "token:" + buyer);
              return 200;
            } catch (RearError e) {
              return e.status();
            }
          };
      results.add(pool.submit(call));
    }
    int ok = 0;
    int conflicts = 0;
    for (Future<Integer> f : results) {
      int status = f.get();
      ok += status == 200 ? 1 : 0;
      conflicts += status == 409 ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(10, ok);
    assertEquals(90, conflicts);
    assertFalse(offer(FlavorType.K8SLICE).flavor().availability());
    assertEquals(Quantity.ZERO, offer(FlavorType.K8SLICE).free().cpu());
  }

  @Test
  void aReservationIsReleasedWhenItsTimeToPurchasePasses() throws Exception {
    String id = offer(FlavorType.K8SLICE).id();
    Transaction t = kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer("b1"), null), "p");
    assertFalse(
        offer(FlavorType.K8SLICE).flavor().availability(), "no configuration: the whole slice");
    kit.clock.advance(Duration.ofMinutes(61));
    assertTrue(offer(FlavorType.K8SLICE).flavor().availability());
    RearError e =
        assertThrows(RearError.class, () -> kit.ledger.purchase(t.transactionId(), null, "p"));
    assertEquals(408, e.status());
    assertEquals(1, kit.ledger.releaseExpired());
  }

  @Test
  void reReservingByTheSameBuyerExtendsTheSameTransaction() throws Exception {
    String id = offer(FlavorType.K8SLICE).id();
    Transaction first =
        kit.ledger.reserve(
            new ReserveRequest(id, RearTestKit.buyer("b1"), slice("1", "1Gi", "1")), "p");
    kit.clock.advance(Duration.ofMinutes(30));
    Transaction again =
        kit.ledger.reserve(
            new ReserveRequest(id, RearTestKit.buyer("b1"), slice("1", "1Gi", "1")), "p");
    assertEquals(first.transactionId(), again.transactionId());
    assertEquals(kit.clock.instant().plus(Duration.ofHours(1)), again.expirationTime());
    assertEquals("4", offer(FlavorType.K8SLICE).free().cpu().toString(), "held once, not twice");
    RearError other =
        assertThrows(
            RearError.class,
            () ->
                kit.ledger.reserve(
                    new ReserveRequest(id, RearTestKit.buyer("b1"), null), "someone-else"));
    assertEquals(403, other.status());
  }

  @Test
  void purchaseGivesOneSignedContractWithProvisioningPendingAndNoCredentials() throws Exception {
    String id = offer(FlavorType.K8SLICE).id();
    Transaction t =
        kit.ledger.reserve(
            new ReserveRequest(id, RearTestKit.buyer("b1"), slice("1", "1Gi", "1")), "p");
    Contract c = kit.ledger.purchase(t.transactionId(), null, "p");
    assertTrue(c.contractId().startsWith("contract-minicloud-test-k8slice-"), c.contractId());
    assertEquals("pending", c.extraInformation().get("provisioning"));
    assertEquals("minicloud-vim", c.extraInformation().get("provisioningTarget"));
    assertNull(c.peeringTargetCredentials());
    assertEquals("0001-01-01T00:00:00Z", RearJson.time(c.flavor().timestamp()));
    ContractSignatures.verify(
        RearJson.mapper().readValue(RearJson.mapper().writeValueAsString(c), Contract.class),
        kit.signer.publicKey());
    assertEquals(
        c, kit.ledger.purchase(t.transactionId(), null, "p"), "a retry gets the same contract");
    assertEquals(
        403,
        assertThrows(RearError.class, () -> kit.ledger.purchase(t.transactionId(), null, "q"))
            .status());
    kit.clock.advance(Duration.ofHours(2));
    assertEquals(
        "4", offer(FlavorType.K8SLICE).free().cpu().toString(), "a purchase holds past the TTP");
  }

  @Test
  void badRequestsAreRejectedNamingTheField() throws Exception {
    String id = offer(FlavorType.K8SLICE).id();
    assertEquals(
        404,
        assertThrows(
                RearError.class,
                () ->
                    kit.ledger.reserve(
                        new ReserveRequest("nope-k8slice-0000", RearTestKit.buyer("b"), null), "p"))
            .status());
    RearError below =
        assertThrows(
            RearError.class,
            () ->
                kit.ledger.reserve(
                    new ReserveRequest(id, RearTestKit.buyer("b"), slice("100m", "1Gi", "1")),
                    "p"));
    assertEquals("configuration.data.cpu", below.field());
    RearError steps =
        assertThrows(
            RearError.class,
            () ->
                kit.ledger.reserve(
                    new ReserveRequest(id, RearTestKit.buyer("b"), slice("700m", "1Gi", "1")),
                    "p"));
    assertTrue(steps.getMessage().contains("whole steps of 500m"), steps.getMessage());
    assertEquals(
        400,
        assertThrows(
                RearError.class, () -> kit.ledger.reserve(new ReserveRequest(id, null, null), "p"))
            .status());
    assertEquals(
        400,
        assertThrows(
                RearError.class,
                () ->
                    kit.ledger.reserve(
                        new ReserveRequest("Not_DNS", RearTestKit.buyer("b"), null), "p"))
            .status());
    RearError wrongType =
        assertThrows(
            RearError.class,
            () ->
                kit.ledger.reserve(
                    new ReserveRequest(
                        id, RearTestKit.buyer("b"), Configuration.of("service", Map.of())),
                    "p"));
    assertEquals("configuration.type", wrongType.field());
    assertEquals(
        404,
        assertThrows(RearError.class, () -> kit.ledger.purchase("abc-123", null, "p")).status());
    assertEquals(
        400,
        assertThrows(RearError.class, () -> kit.ledger.purchase("../etc", null, "p")).status());
  }

  @Test
  void aServiceHasLimitedPlacesAndItsTemplateIsEnforced() throws Exception {
    String id = offer(FlavorType.SERVICE).id();
    Configuration bad =
        Configuration.of("service", Map.of("configurationData", Map.of("other", 1)));
    RearError missing =
        assertThrows(
            RearError.class,
            () -> kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer("b"), bad), "p"));
    assertEquals("configuration.data.configurationData.clientId", missing.field());
    Configuration policy =
        Configuration.of(
            "service",
            Map.of("hostingPolicy", "Consumer", "configurationData", Map.of("clientId", "x")));
    assertEquals(
        400,
        assertThrows(
                RearError.class,
                () ->
                    kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer("b"), policy), "p"))
            .status());
    Configuration good =
        Configuration.of(
            "service",
            Map.of("hostingPolicy", "Provider", "configurationData", Map.of("clientId", "x")));
    for (int i = 0; i < 3; i++) {
      assertNotNull(
          kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer("b" + i), good), "p" + i));
    }
    assertEquals(
        409,
        assertThrows(
                RearError.class,
                () ->
                    kit.ledger.reserve(new ReserveRequest(id, RearTestKit.buyer("b9"), good), "p9"))
            .status());
  }

  @Test
  void vmsAndSlicesOfANodeDrawFromOnePool() throws Exception {
    Offer vm = offer(FlavorType.VM);
    assertEquals(5, vm.flavor().type().vm().policy().aggregatable().maxCount());
    String slice = offer(FlavorType.K8SLICE).id();
    kit.ledger.reserve(
        new ReserveRequest(slice, RearTestKit.buyer("b1"), slice("3", "1Gi", "1")), "p");
    assertEquals(2, offer(FlavorType.VM).flavor().type().vm().policy().aggregatable().maxCount());
    Configuration three = Configuration.of("vm", Map.of("count", 3));
    assertEquals(
        409,
        assertThrows(
                RearError.class,
                () ->
                    kit.ledger.reserve(
                        new ReserveRequest(vm.id(), RearTestKit.buyer("b2"), three), "p"))
            .status());
  }
}
