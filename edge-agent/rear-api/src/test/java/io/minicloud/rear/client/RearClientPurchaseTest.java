package io.minicloud.rear.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.RearException.Kind;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.PurchaseRequest;
import io.minicloud.rear.model.RearFixtures;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RearClient#purchase} against {@link GoNodeStandIn}: once, in time, or typed errors. */
class RearClientPurchaseTest {

  private GoNodeStandIn node;
  private RearClient client;

  @BeforeEach
  void start() throws IOException {
    node = GoNodeStandIn.http();
    client = new RearClient(RearClientOptions.builder(URI.create(node.url())).build());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void purchaseReturnsTheNodesContract() throws Exception {
    PurchaseRequest request =
        RearJson.mapper()
            .readValue(RearFixtures.read("purchase-request.json"), PurchaseRequest.class);

    Contract contract = client.purchase(GoNodeStandIn.TRANSACTION_ID, request);

    assertEquals("contract-fluidos-eu-k8slice-3fa2-1a2b", contract.contractId());
    assertEquals(
        "a9b8c7d6-0000-4000-8000-000000000002", contract.peeringTargetCredentials().clusterId());
    assertEquals(
        "/api/v2/transactions/" + GoNodeStandIn.TRANSACTION_ID + "/purchase",
        node.last().rawPath());
    assertEquals(
        "b1c2d3e4-0000-4000-8000-000000000001",
        node.last().json().path("liqoCredentials").path("clusterID").asText());
  }

  @Test
  void aSecondPurchaseIsNotFoundBecauseTheNodeDeletedTheTransaction() throws Exception {
    client.purchase(GoNodeStandIn.TRANSACTION_ID, null);

    RearException e =
        assertThrows(
            RearException.class, () -> client.purchase(GoNodeStandIn.TRANSACTION_ID, null));

    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals(500, e.status());
    assertTrue(e.getMessage().endsWith("reserve the flavor again"), e.getMessage());
    assertEquals("{}", node.last().body(), "an empty purchase request is an empty object");
  }

  @Test
  void anExpiredTransactionSaysToReserveAgain() {
    node.expire(GoNodeStandIn.TRANSACTION_ID);

    RearException e =
        assertThrows(
            RearException.class, () -> client.purchase(GoNodeStandIn.TRANSACTION_ID, null));

    assertEquals(Kind.EXPIRED, e.kind());
    assertEquals(
        "transaction "
            + GoNodeStandIn.TRANSACTION_ID
            + " expired at "
            + node.authority()
            + " (408: transaction expired); reserve the flavor again and purchase before the expiry",
        e.getMessage());
  }

  @Test
  void anOddIdIsEncodedIntoOnePathSegment() {
    assertThrows(RearException.class, () -> client.purchase("a/b c", null));

    assertEquals("/api/v2/transactions/a%2Fb%20c/purchase", node.last().rawPath());
  }
}
