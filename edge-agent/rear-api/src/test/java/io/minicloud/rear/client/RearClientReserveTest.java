package io.minicloud.rear.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.client.RearException.Kind;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
import io.minicloud.rear.quantity.Quantity;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RearClient#reserve} against {@link GoNodeStandIn}, and against our provider's codes. */
class RearClientReserveTest {

  static final String LIQO_ID = "b1c2d3e4-0000-4000-8000-000000000001";
  static final NodeIdentity BUYER =
      new NodeIdentity(
          "gw-kitchen",
          "10.0.0.9:8443",
          "minicloud.local",
          new NodeIdentity.AdditionalInformation(LIQO_ID, null));

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
  void reservesWithTheBuyersLiqoIdInTheNodesShapeAndTheSpecsBeside() throws Exception {
    // GIVEN a slice of the node's k8slice flavor
    Configuration slice =
        Configuration.of(
            "k8slice",
            new Configuration.K8Slice(
                Quantity.parse("1"), Quantity.parse("1Gi"), Quantity.parse("10"), null, null));

    // WHEN it is reserved
    Transaction transaction = client.reserve("fluidos.eu-k8slice-3fa2", BUYER, slice);

    // THEN the node got buyerID.additionalInformation.liqoID and answered its transaction
    assertEquals(GoNodeStandIn.TRANSACTION_ID, transaction.transactionId());
    assertEquals(Instant.parse("2025-05-18T11:00:00Z"), transaction.expirationTime());
    assertEquals("/api/v2/reservations", node.last().rawPath());
    JsonNode body = node.last().json();
    assertEquals(
        LIQO_ID, body.path("buyerID").path("additionalInformation").path("liqoID").asText());
    assertEquals("gw-kitchen", body.path("buyerID").path("ID").asText());
    assertEquals("10.0.0.9:8443", body.path("buyerID").path("IP").asText());
    assertEquals("fluidos.eu-k8slice-3fa2", body.path("flavorID").asText());
    assertEquals("1Gi", body.path("configuration").path("data").path("memory").asText());
    // the spec's spelling beside it, and no second configuration Go would take case-insensitively
    assertEquals("fluidos.eu-k8slice-3fa2", body.path("FlavorID").asText());
    assertEquals("gw-kitchen", body.path("Buyer").path("NodeID").asText());
    assertEquals(LIQO_ID, body.path("Buyer").path("AdditionalInformation").path("LiqoID").asText());
    assertFalse(body.has("Configuration"));
  }

  @Test
  void ourOwnModelReadsTheBodyAsTheNodesBuyer() throws Exception {
    client.reserve("fluidos.eu-service-9c1d", BUYER, null);

    ReserveRequest read = RearJson.mapper().readValue(node.last().body(), ReserveRequest.class);

    assertEquals(BUYER, read.buyer());
    assertEquals("fluidos.eu-service-9c1d", read.flavorId());
  }

  @Test
  void theBuyersKubeconfigIsNeverSent() throws Exception {
    NodeIdentity withKubeconfig =
        new NodeIdentity(
            "gw",
            "10.0.0.9:8443",
            "d",
            new NodeIdentity.AdditionalInformation(LIQO_ID, "c2VjcmV0"));

    client.reserve("fluidos.eu-k8slice-3fa2", withKubeconfig, null);

    assertFalse(node.last().body().contains("c2VjcmV0"), node.last().body());
  }

  @Test
  void aBuyerWithoutLiqoIdIsRefusedBeforeSending() {
    NodeIdentity noLiqo = new NodeIdentity("gw", "10.0.0.9:8443", "minicloud.local", null);

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.reserve("fluidos.eu-k8slice-3fa2", noLiqo, null));

    assertTrue(e.getMessage().contains("liqoID"), e.getMessage());
    assertTrue(node.received.isEmpty());
  }

  @Test
  void anUnknownFlavorIsNotFoundThoughTheNodeAnswers500() {
    RearException e =
        assertThrows(
            RearException.class, () -> client.reserve("fluidos.eu-k8slice-dead", BUYER, null));

    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals(500, e.status());
    assertEquals(
        "flavor fluidos.eu-k8slice-dead not found at "
            + node.authority()
            + " (500: flavor fluidos.eu-k8slice-dead not found); list the flavors again",
        e.getMessage());
  }

  @Test
  void ourProvidersCodesAreTyped() {
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    String json = "application/json";

    node.script = new GoNodeStandIn.Script(404, json, "{\"error\":\"no flavor f-1\"}");
    RearException notFound = assertThrows(RearException.class, () -> reserve("f-1"));
    node.script = new GoNodeStandIn.Script(409, json, "{\"error\":\"no capacity left\"}");
    RearException conflict = assertThrows(RearException.class, () -> reserve("f-1"));
    node.script =
        new GoNodeStandIn.Script(400, json, "{\"error\":\"cpu 3 exceeds 2\",\"field\":\"cpu\"}");
    RearException bad = assertThrows(RearException.class, () -> reserve("f-1"));
    node.script = new GoNodeStandIn.Script(401, json, "{\"error\":\"token required\"}");
    RearException unauthorized = assertThrows(RearException.class, () -> reserve("f-1"));

    assertEquals(
        "flavor f-1 not found at "
            + node.authority()
            + " (404: no flavor f-1); list the flavors again",
        notFound.getMessage());
    assertEquals(Kind.NOT_FOUND, notFound.kind());
    assertEquals(Kind.CONFLICT, conflict.kind());
    assertTrue(conflict.getMessage().contains("has no capacity left"), conflict.getMessage());
    assertEquals(Kind.BAD_REQUEST, bad.kind());
    assertTrue(bad.getMessage().contains("(400: cpu 3 exceeds 2)"), bad.getMessage());
    assertEquals(Kind.UNAUTHORIZED, unauthorized.kind());
  }

  @Test
  void aTransactionWithoutIdIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script = new GoNodeStandIn.Script(200, "application/json", "{\"transactionID\":\"\"}");

    RearException e = assertThrows(RearException.class, () -> reserve("f-1"));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(
        e.getMessage()
            .endsWith("has no transactionID; check that the address is a REAR provider's endpoint"),
        e.getMessage());
  }

  @Test
  void anEmptyAnswerIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script = new GoNodeStandIn.Script(200, "application/json", "");

    RearException e = assertThrows(RearException.class, () -> reserve("f-1"));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertEquals(
        node.authority()
            + ": the transaction is not a JSON object; check that the address is a REAR provider's endpoint",
        e.getMessage());
  }

  private Transaction reserve(String flavorId) throws RearException {
    return client.reserve(flavorId, BUYER, null);
  }
}
