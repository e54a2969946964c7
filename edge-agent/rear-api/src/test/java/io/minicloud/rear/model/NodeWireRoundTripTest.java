package io.minicloud.rear.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message in {@code shared/rear/node-wire-examples} goes through our models and back, and
 * every field the node wrote comes out with the same name and value. The only extra keys allowed
 * are the spec spellings we add on purpose ({@code characteristics}, {@code country}).
 */
class NodeWireRoundTripTest {

  private static final ObjectMapper JSON = RearJson.mapper();
  private static final Set<String> ADDED_SPELLINGS = Set.of("characteristics", "country");
  private static final Map<String, Class<?>> MODEL_OF =
      Map.of(
          "list-flavors-response.json", Flavor[].class,
          "purchase-request.json", PurchaseRequest.class,
          "purchase-response-contract.json", Contract.class,
          "reserve-request-k8slice.json", ReserveRequest.class,
          "reserve-request-service.json", ReserveRequest.class,
          "reserve-response-transaction.json", Transaction.class,
          "multicast-announcement.json", Announcement.class);

  @Test
  void everyWireExampleRoundTripsFieldForField() throws IOException {
    List<String> files;
    try (Stream<java.nio.file.Path> s = Files.list(RearFixtures.wireExample(""))) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(MODEL_OF.keySet(), Set.copyOf(files), "a model for every wire example");
    for (String file : files) {
      JsonNode original = JSON.readTree(RearFixtures.read(file));
      Object model = throughTypedData(JSON.treeToValue(original, MODEL_OF.get(file)));
      JsonNode back = JSON.valueToTree(model);
      List<String> differences = new ArrayList<>();
      compare(file, original, back, differences);
      assertEquals(List.of(), differences, file);
    }
  }

  @Test
  void theSpecSpellingsAreWrittenBesideTheNodes() throws IOException {
    Flavor[] flavors =
        JSON.readValue(RearFixtures.read("list-flavors-response.json"), Flavor[].class);
    JsonNode out = JSON.valueToTree(typed(flavors[0]));
    assertEquals("7485m", out.at("/type/data/charateristics/cpu").asText());
    assertEquals("7485m", out.at("/type/data/characteristics/cpu").asText());
    assertEquals("Italy", out.at("/location/altitude").asText());
    assertEquals("Italy", out.at("/location/country").asText());
  }

  @Test
  void ourOwnOutputWithBothSpellingsReadsBack() throws IOException {
    Flavor[] flavors =
        JSON.readValue(RearFixtures.read("list-flavors-response.json"), Flavor[].class);
    Flavor typed = typed(flavors[0]);
    Flavor back = JSON.readValue(JSON.writeValueAsString(typed), Flavor.class);
    assertEquals(typed.type().k8slice(), back.type().k8slice());
    assertEquals(typed.location(), back.location());
  }

  @Test
  void specSpellingsAreReadToo() throws IOException {
    String spec =
        """
        {"flavorId":"a-k8slice-0001","providerId":"p1","timestamp":"2025-05-18T10:00:00Z",
         "type":{"name":"k8slice","data":{"characteristics":{"cpu":"2","memory":"4Gi","pods":"110"}}},
         "location":{"country":"Germany"},
         "owner":{"domain":"d","nodeId":"n1","ip":"10.0.0.1:8443"},"availability":true}
        """;
    Flavor f = JSON.readValue(spec, Flavor.class);
    assertEquals("a-k8slice-0001", f.flavorId());
    assertEquals("n1", f.owner().id());
    assertEquals("10.0.0.1:8443", f.owner().ip());
    assertEquals("Germany", f.location().country());
    assertEquals("4Gi", f.type().k8slice().characteristics().memory().toString());
  }

  @Test
  void secretsNeverReachToString() throws IOException {
    ReserveRequest r =
        JSON.readValue(RearFixtures.read("reserve-request-k8slice.json"), ReserveRequest.class);
    assertTrue(r.buyer().additionalInformation().kubeconfig().startsWith("<base64"));
    assertFalse(r.toString().contains("base64"), r.toString());
    PurchaseRequest p =
        JSON.readValue(RearFixtures.read("purchase-request.json"), PurchaseRequest.class);
    assertFalse(p.toString().contains("base64"), p.toString());
    Contract c =
        JSON.readValue(RearFixtures.read("purchase-response-contract.json"), Contract.class);
    assertFalse(c.toString().contains("base64"), c.toString());
  }

  /** type.data is kept raw; decode it into the typed records too, so those are tested as well. */
  private static Object throughTypedData(Object model) throws IOException {
    if (model instanceof Flavor[] flavors) {
      Flavor[] out = new Flavor[flavors.length];
      for (int i = 0; i < flavors.length; i++) {
        out[i] = typed(flavors[i]);
      }
      return out;
    }
    if (model instanceof Contract c) {
      Contract typedFlavor =
          new Contract(
              c.contractId(),
              c.transactionId(),
              typed(c.flavor()),
              c.buyer(),
              c.buyerClusterId(),
              c.seller(),
              c.peeringTargetCredentials(),
              c.expirationTime(),
              c.extraInformation(),
              Configuration.of(c.configuration().type(), c.configuration().k8slice()),
              c.networkAuthorizations(),
              c.ingressTelemetryEndpoint());
      return typedFlavor;
    }
    return model;
  }

  private static Flavor typed(Flavor f) throws IOException {
    Object data =
        switch (f.type().kind()) {
          case FlavorType.K8SLICE -> f.type().k8slice();
          case FlavorType.SERVICE -> f.type().service();
          default -> throw new IllegalArgumentException(f.type().name());
        };
    return f.withType(FlavorType.of(f.type().name(), data));
  }

  private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + ": expected an object, got " + actual);
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode a = actual.get(e.getKey());
        if (a == null) {
          out.add(path + "." + e.getKey() + ": missing");
        } else {
          compare(path + "." + e.getKey(), e.getValue(), a, out);
        }
      }
      ((ObjectNode) actual)
          .fieldNames()
          .forEachRemaining(
              k -> {
                if (!expected.has(k) && !ADDED_SPELLINGS.contains(k)) {
                  out.add(path + "." + k + ": added");
                }
              });
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + ": array differs");
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": " + expected + " became " + actual);
    }
  }
}
