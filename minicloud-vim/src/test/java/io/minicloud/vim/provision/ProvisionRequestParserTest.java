package io.minicloud.vim.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionRequestParserTest {

  private final ProvisionRequestParser parser =
      new ProvisionRequestParser(Clock.fixed(ProvisionFixtures.NOW, ZoneOffset.UTC));

  static String body(String contractId, String type, String resources, String extra) {
    return "{\"contractId\":\""
        + contractId
        + "\",\"buyerId\":\"buyer-1\",\"flavorType\":\""
        + type
        + "\",\"resources\":"
        + resources
        + ",\"expiresAt\":\"2027-01-01T00:00:00Z\""
        + extra
        + "}";
  }

  static final String SLICE =
      "{\"cpu\":\"2\",\"memory\":\"4Gi\",\"pods\":\"110\",\"storage\":\"10Gi\"}";

  @Test
  void readsAK8SliceRequest() throws Exception {
    ProvisionRequest r = parse(body("contract-a-1", "K8Slice", SLICE, ""));

    assertEquals("contract-a-1", r.contractId());
    assertEquals("buyer-1", r.buyerId());
    assertEquals(FlavorKind.K8Slice, r.flavorType());
    assertEquals(new Quantity("2"), r.resources().cpu());
    assertEquals(new Quantity("4Gi"), r.resources().memory());
    assertEquals(new Quantity("0"), r.resources().gpu());
    assertEquals(Instant.parse("2027-01-01T00:00:00Z"), r.expiresAt());
    assertNull(r.vm());
  }

  @Test
  void readsAVmRequestWithTheWireSpelling() throws Exception {
    ProvisionRequest r =
        parse(
            body(
                "contract-vm-1",
                "vm",
                "{\"cpu\":1,\"memory\":\"1Gi\"}",
                ",\"vm\":{\"image\":\"quay.io/containerdisks/debian:12\"}"));

    assertEquals(FlavorKind.VM, r.flavorType());
    assertEquals("quay.io/containerdisks/debian:12", r.vm().image());
    assertEquals(new Quantity("0"), r.resources().pods());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown flavor type      | contract-a | Sensor  | {"cpu":"1","memory":"1Gi","pods":"1"}            | flavorType:
          negative cpu             | contract-a | K8Slice | {"cpu":"-1","memory":"1Gi","pods":"1"}           | resources.cpu:
          huge memory              | contract-a | K8Slice | {"cpu":"1","memory":"1Ei","pods":"1"}            | resources.memory:
          huge cpu                 | contract-a | K8Slice | {"cpu":"1e9","memory":"1Gi","pods":"1"}          | resources.cpu:
          zero cpu                 | contract-a | K8Slice | {"cpu":"0","memory":"1Gi","pods":"1"}            | resources.cpu:
          fractional pods          | contract-a | K8Slice | {"cpu":"1","memory":"1Gi","pods":"1500m"}        | resources.pods:
          missing pods             | contract-a | K8Slice | {"cpu":"1","memory":"1Gi"}                       | resources.pods:
          not a quantity           | contract-a | K8Slice | {"cpu":"lots","memory":"1Gi","pods":"1"}         | resources.cpu:
          unknown resource         | contract-a | K8Slice | {"cpu":"1","memory":"1Gi","pods":"1","fpga":"1"} | resources.fpga:
          path traversal id        | ../etc     | K8Slice | {"cpu":"1","memory":"1Gi","pods":"1"}            | contractId:
          upper case id            | Contract-A | K8Slice | {"cpu":"1","memory":"1Gi","pods":"1"}            | contractId:
          vm without vm spec       | contract-a | VM      | {"cpu":"1","memory":"1Gi"}                       | vm:
          """)
  void rejectsNamingTheField(String what, String id, String type, String resources, String field) {
    var e = assertThrows(InvalidProvisionRequest.class, () -> parse(body(id, type, resources, "")));

    assertTrue(
        e.problems().stream().anyMatch(p -> p.startsWith(field)), what + ": " + e.problems());
  }

  @Test
  void rejectsALongId() {
    var e =
        assertThrows(
            InvalidProvisionRequest.class,
            () -> parse(body("a".repeat(254), "K8Slice", SLICE, "")));

    assertTrue(e.problems().get(0).startsWith("contractId:"), e.problems().toString());
    assertTrue(e.getMessage().length() < 200, "the echo of a hostile id is cut short");
  }

  @Test
  void rejectsMalformedJsonTrailingDataAndNonObjects() {
    for (String bad : new String[] {"{\"contractId\":", "[]", "null", SLICE + " {}", ""}) {
      var e = assertThrows(InvalidProvisionRequest.class, () -> parse(bad), bad);
      assertTrue(e.problems().get(0).startsWith("body:"), bad + " -> " + e.problems());
    }
  }

  @Test
  void rejectsAPastOrFarExpiryAndAnUnknownField() {
    String past = body("contract-a", "K8Slice", SLICE, "").replace("2027-01-01", "2020-01-01");
    String far = body("contract-a", "K8Slice", SLICE, "").replace("2027-01-01", "2099-01-01");
    String extra = body("contract-a", "K8Slice", SLICE, ",\"admin\":true");

    assertTrue(problems(past).startsWith("expiresAt:"));
    assertTrue(problems(far).startsWith("expiresAt:"));
    assertTrue(problems(extra).startsWith("admin: unknown field"));
  }

  @Test
  void aK8SliceCarriesNoVmSpec() {
    String both = body("contract-a", "K8Slice", SLICE, ",\"vm\":{\"image\":\"x\"}");

    assertTrue(problems(both).startsWith("vm:"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    var e =
        assertThrows(
            InvalidProvisionRequest.class,
            () -> parse("{\"flavorType\":\"K8Slice\",\"resources\":{}}"));

    assertTrue(e.problems().size() >= 5, e.problems().toString());
  }

  private String problems(String json) {
    return assertThrows(InvalidProvisionRequest.class, () -> parse(json)).problems().get(0);
  }

  private ProvisionRequest parse(String json) throws InvalidProvisionRequest {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }
}
