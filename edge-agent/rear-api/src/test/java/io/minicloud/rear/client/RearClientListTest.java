package io.minicloud.rear.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.RearException.Kind;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.filter.FilterTerm;
import io.minicloud.rear.filter.FlavorFilter;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.quantity.Quantity;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RearClient#listFlavors} against {@link GoNodeStandIn}, the node's list behaviour. */
class RearClientListTest {

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
  void listsEveryFlavorOfTheNode() throws Exception {
    List<Flavor> flavors = client.listFlavors(null, null);

    assertEquals(2, flavors.size());
    assertEquals("fluidos.eu-k8slice-3fa2", flavors.get(0).flavorId());
    assertEquals(Quantity.parse("7485m"), flavors.get(0).type().k8slice().characteristics().cpu());
    assertEquals("mysql", flavors.get(1).type().service().name());
    assertEquals("/api/v2/flavors", node.last().rawPath());
    assertNull(node.last().rawQuery());
    assertNull(node.last().authorization(), "no token configured, none sent");
  }

  @Test
  void noContentMeansNoFlavors() throws Exception {
    // GIVEN a node with nothing available: it answers 204 with no body
    node.mode = GoNodeStandIn.Mode.EMPTY;

    assertEquals(List.of(), client.listFlavors(null, null));
  }

  @Test
  void filtersAreSentWithRawBracketsAsTheGoClientSendsThem() throws Exception {
    // GIVEN a filter on cpu, memory and architecture
    FlavorFilter filter =
        FilterParser.parse(
            "k8slice",
            "filter[cpu][range][min]=1000m&filter[memory][range][max]=16Gi"
                + "&filter[architecture][match]=amd64");

    // WHEN the k8slice flavors are listed
    List<Flavor> flavors = client.listFlavors("k8slice", filter);

    // THEN the node saw unencoded brackets, canonical quantities, and answered its k8slice
    assertEquals("/api/v2/flavors/k8slice", node.last().rawPath());
    String query = node.last().rawQuery();
    assertTrue(query.contains("filter[architecture][match]=amd64"), query);
    assertTrue(query.contains("filter[cpu][range][min]=1&"), query);
    assertTrue(query.contains("filter[memory][range][max]=16Gi"), query);
    assertTrue(!query.contains("%5B") && !query.contains("%5D"), query);
    assertEquals(1, flavors.size());
    assertEquals("k8slice", flavors.get(0).type().kind());
  }

  @Test
  void aServiceFilterGoesToTheServicePath() throws Exception {
    FlavorFilter filter =
        new FlavorFilter("service", List.of(new FilterTerm.Match("category", "database")));

    List<Flavor> flavors = client.listFlavors("service", filter);

    assertEquals("/api/v2/flavors/service", node.last().rawPath());
    assertEquals("filter[category][match]=database", node.last().rawQuery());
    assertEquals("fluidos.eu-service-9c1d", flavors.get(0).flavorId());
  }

  @Test
  void aFilterOfAnotherTypeIsRefusedBeforeSending() {
    FlavorFilter filter = FilterParser.parse("service", "filter[category][match]=db");

    assertThrows(IllegalArgumentException.class, () -> client.listFlavors("k8slice", filter));
    assertTrue(node.received.isEmpty());
  }

  @Test
  void anUnknownTypeIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> client.listFlavors("../admin", null));
    assertTrue(node.received.isEmpty());
  }

  @Test
  void vmFlavorsAreNotServedByAGoNode() {
    RearException e = assertThrows(RearException.class, () -> client.listFlavors("vm", null));

    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals(404, e.status());
    assertEquals(
        "the vm flavor list not found at "
            + node.authority()
            + " (404: 404 page not found); is it a REAR provider, and does it serve that flavor"
            + " type?",
        e.getMessage());
  }

  @Test
  void sensorFlavorsAreAskedAtTheSpecsPluralPath() {
    assertThrows(RearException.class, () -> client.listFlavors("sensor", null));

    assertEquals("/api/v2/flavors/sensors", node.last().rawPath());
  }

  @Test
  void aFlavorAGoConsumerCouldNotDecodeIsStillReturned() throws Exception {
    // GIVEN a provider listing a vm flavor and a k8slice with an empty quantity (Go fails on both)
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script =
        new GoNodeStandIn.Script(
            200,
            "application/json",
            "[{\"flavorID\":\"p-vm-1\",\"type\":{\"name\":\"vm\",\"data\":{}},\"availability\":true},"
                + "{\"flavorID\":\"p-k8slice-1\",\"type\":{\"name\":\"k8slice\",\"data\":"
                + "{\"charateristics\":{\"cpu\":\"\"}}},\"availability\":true}]");

    // WHEN listed THEN both come back, raw data intact
    List<Flavor> flavors = client.listFlavors(null, null);

    assertEquals(List.of("p-vm-1", "p-k8slice-1"), flavors.stream().map(Flavor::flavorId).toList());
    assertEquals("", flavors.get(1).type().data().path("charateristics").path("cpu").asText());
  }

  @Test
  void truncatedJsonIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.TRUNCATED_JSON;

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(
        e.getMessage().startsWith(node.authority() + " sent malformed JSON"), e.getMessage());
  }

  @Test
  void anHtmlPageIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.HTML;

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(
        e.getMessage()
            .contains(
                "an HTML page came instead of the flavor list; check that the address is a REAR provider's endpoint"),
        e.getMessage());
  }

  @Test
  void aJsonObjectInsteadOfAnArrayIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script = new GoNodeStandIn.Script(200, "application/json", "{\"flavors\":[]}");

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(
        e.getMessage()
            .endsWith("is not a JSON array; check that the address is a REAR provider's endpoint"),
        e.getMessage());
  }

  @Test
  void aNullElementIsAProtocolError() {
    node.mode = GoNodeStandIn.Mode.SCRIPTED;
    node.script = new GoNodeStandIn.Script(200, "application/json", "[null]");

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(
        e.getMessage()
            .endsWith(
                "(element 0) is not a JSON object; check that the address is a REAR provider's endpoint"),
        e.getMessage());
  }

  @Test
  void notReadyTellsToRetryLater() {
    // GIVEN a node whose Liqo is not ready yet: 503 with an empty body on every route
    node.mode = GoNodeStandIn.Mode.NOT_READY;

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.NOT_READY, e.kind());
    assertEquals(503, e.status());
    assertEquals(
        node.authority() + " is not ready (503): the provider's Liqo is not ready yet; retry later",
        e.getMessage());
  }

  @Test
  void aBadFilterKeyCarriesTheNodesReason() {
    // GIVEN a raw key the node does not know (the Go client's own storage bug)
    FlavorFilter filter = new FlavorFilter("k8slice", List.of(new FilterTerm.Match("gpu", "1")));

    RearException e =
        assertThrows(RearException.class, () -> client.listFlavors("k8slice", filter));

    assertEquals(Kind.BAD_REQUEST, e.kind());
    assertTrue(
        e.getMessage().contains("(400: invalid filter key: filter[gpu][match])"), e.getMessage());
  }
}
