package io.minicloud.edgeagent.rear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearJson;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REAR provider over real sockets: HTTPS with a token, and the FLUIDOS plain listener. */
class RearHttpTest {

  @TempDir Path dir;
  RearClientKit kit;

  @BeforeEach
  void start() throws Exception {
    kit =
        new RearClientKit(
            dir,
            new StaticInventory(
                RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "4", "8Gi", "110")), true)));
  }

  @AfterEach
  void stop() throws Exception {
    kit.close();
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return RearJson.mapper().readTree(r.body());
  }

  @Test
  void theHttpsListenerNeedsATokenAndListsEveryType() throws Exception {
    HttpResponse<String> anonymous = kit.get(kit.https("/api/v2/flavors"), false);
    assertEquals(401, anonymous.statusCode());
    assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    HttpResponse<String> r = kit.get(kit.https("/api/v2/flavors"), true);
    assertEquals(200, r.statusCode());
    Set<String> types =
        Arrays.stream(RearClientKit.flavors(r))
            .map(f -> f.type().kind())
            .collect(java.util.stream.Collectors.toSet());
    assertEquals(Set.of("k8slice", "vm", "service", "sensor"), types);
    Flavor k8s =
        Arrays.stream(RearClientKit.flavors(r))
            .filter(f -> f.type().kind().equals("k8slice"))
            .findFirst()
            .orElseThrow();
    assertEquals("127.0.0.1:8443", k8s.owner().ip());
    assertTrue(k8s.flavorId().matches("[a-z0-9.-]+"), k8s.flavorId());
  }

  @Test
  void thePlainFluidosListenerListsOnlyWhatAGoNodeDecodes() throws Exception {
    HttpResponse<String> r = kit.get(kit.plain("/api/v2/flavors"), false);
    assertEquals(200, r.statusCode());
    Set<String> types =
        Arrays.stream(RearClientKit.flavors(r))
            .map(f -> f.type().kind())
            .collect(java.util.stream.Collectors.toSet());
    assertEquals(Set.of("k8slice", "service"), types);
    JsonNode first = json(r).get(0);
    assertTrue(
        first.has("flavorID") && first.has("providerID") && first.path("owner").has("ID"),
        first.toString());
    assertEquals(
        200,
        kit.get(kit.plain("/api/v2/flavors/sensors"), false).statusCode(),
        "typed paths still serve every type");
  }

  @Test
  void filtersWithRawBracketsSelectAndBadOnesAre400WithJson() throws Exception {
    assertEquals(
        1,
        RearClientKit.flavors(
                kit.get(
                    kit.plain(
                        "/api/v2/flavors/k8slice?filter[cpu][range][min]=2&filter[memory][range][min]=4Gi"),
                    false))
            .length);
    assertEquals(
        0,
        RearClientKit.flavors(
                kit.get(kit.plain("/api/v2/flavors/k8slices?filter[cpu][range][min]=5"), false))
            .length);
    assertEquals(
        1,
        RearClientKit.flavors(
                kit.get(kit.plain("/api/v2/flavors/service?filter[tags][match]=mqtt"), false))
            .length);
    HttpResponse<String> unknown =
        kit.get(kit.plain("/api/v2/flavors/k8slice?filter[colour][match]=red"), false);
    assertEquals(400, unknown.statusCode());
    assertTrue(json(unknown).path("error").asText().contains("colour"), unknown.body());
    assertEquals("application/json", unknown.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<String> quantity =
        kit.get(kit.plain("/api/v2/flavors/k8slice?filter[memory][range][min]=lots"), false);
    assertEquals(400, quantity.statusCode());
    assertTrue(
        json(quantity).path("error").asText().contains("not a Kubernetes quantity"),
        quantity.body());
  }

  @Test
  void reserveAndPurchaseOverTheWireInTheNodesShapes() throws Exception {
    String id =
        Arrays.stream(RearClientKit.flavors(kit.get(kit.plain("/api/v2/flavors/k8slice"), false)))
            .findFirst()
            .orElseThrow()
            .flavorId();
    String body =
        Files.readString(
                io.minicloud.rear.model.RearFixtures.wireExample("reserve-request-k8slice.json"))
            .replace("fluidos.eu-k8slice-3fa2", id)
            .replace("\"pods\": \"110\"", "\"pods\": \"10\""); // all 110 pods would sell it out
    HttpResponse<String> reserved = kit.post(kit.plain("/api/v2/reservations"), body, false);
    assertEquals(200, reserved.statusCode(), reserved.body());
    JsonNode t = json(reserved);
    assertTrue(t.path("transactionID").asText().matches("[0-9a-f]{32}-[0-9]+"), t.toString());
    assertFalse(reserved.body().contains("base64"), "the buyer's kubeconfig is not echoed");
    HttpResponse<String> bought =
        kit.post(
            kit.plain("/api/v2/transactions/" + t.path("transactionID").asText() + "/purchase"),
            Files.readString(
                io.minicloud.rear.model.RearFixtures.wireExample("purchase-request.json")),
            false);
    assertEquals(200, bought.statusCode(), bought.body());
    JsonNode c = json(bought);
    assertEquals("pending", c.at("/extraInformation/provisioning").asText());
    assertTrue(c.at("/extraInformation/signature").asText().split("\\.").length == 3);
    assertEquals(
        c.at("/extraInformation/signatureKeyID").asText(),
        json(kit.get(kit.plain("/api/v2/keys"), false)).at("/keys/0/kid").asText());
    Flavor[] three =
        RearClientKit.flavors(
            kit.get(kit.plain("/api/v2/flavors/k8slice?filter[cpu][match]=3"), false));
    assertEquals(1, three.length, "1 cpu of 4 carved out: the slice now lists 3");
    Flavor after =
        java.util.Arrays.stream(RearClientKit.flavors(kit.get(kit.plain("/api/v2/flavors"), false)))
            .filter(f -> f.flavorId().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "3", after.type().k8slice().characteristics().cpu().toString(), "no stale cached listing");
  }

  @Test
  void hostileBodiesAre400WithAJsonErrorNamingTheProblem() throws Exception {
    String url = kit.plain("/api/v2/reservations");
    for (String[] c :
        new String[][] {
          {"{", "malformed"},
          {"[]", "malformed"},
          {"null", "JSON null"},
          {"{\"flavorID\": 5}", "buyerID"},
          {
            "{\"flavorID\": \"x\", \"buyerID\": {\"ID\": \"b\"}, \"configuration\": {\"type\": \"k8slice\", \"data\": {\"cpu\": \"\"}}}",
            "flavor x not found"
          },
          {"[".repeat(5_000), "malformed"},
          {"{\"flavorID\": \"" + "a".repeat(70_000) + "\"}", "limit"},
        }) {
      HttpResponse<String> r = kit.post(url, c[0], false);
      int expected = c[1].startsWith("flavor") ? 404 : 400;
      assertEquals(
          expected,
          r.statusCode(),
          c[0].substring(0, Math.min(40, c[0].length())) + " -> " + r.body());
      assertTrue(json(r).path("error").asText().contains(c[1]), r.body());
    }
    assertEquals(405, kit.get(kit.plain("/api/v2/reservations"), false).statusCode());
    assertEquals(404, kit.get(kit.plain("/api/v2/nothing"), false).statusCode());
  }

  @Test
  void secretsOnDiskAreOwnerOnly() throws Exception {
    for (String f :
        new String[] {"rear-operator.token", "rear-signing-key.pem", "tls/rear-key.pem"}) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir.resolve(f));
      assertEquals(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), perms, f);
    }
    assertFalse(
        Files.readString(dir.resolve("rear-tokens")).contains(kit.token),
        "tokens are stored hashed");
  }

  @Test
  void concurrentBuyersOverHttpNeverOverbook() throws Exception {
    // 4 CPUs in slices of 500m: room for exactly 8, whatever 100 concurrent buyers do
    String id =
        RearClientKit.flavors(kit.get(kit.plain("/api/v2/flavors/k8slice"), false))[0].flavorId();
    java.util.List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>>
        calls = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String body =
          "{\"flavorID\":\""
              + id
              + "\",\"buyerID\":{\"ID\":\"b"
              + i
              + "\",\"additionalInformation\":{\"liqoID\":\"l"
              + i
              + "\"}},"
              + "\"configuration\":{\"type\":\"k8slice\",\"data\":{\"cpu\":\"500m\",\"memory\":\"256Mi\",\"pods\":\"1\"}}}";
      calls.add(
          kit.client.sendAsync(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(kit.plain("/api/v2/reservations")))
                  .header("Content-Type", "application/json")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString()));
    }
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (var c : calls) {
      statuses.merge(c.get().statusCode(), 1, Integer::sum);
    }
    assertEquals(java.util.Map.of(200, 8, 409, 92), statuses);
  }
}
