package io.minicloud.rear.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FLUIDOS node's wire examples ({@code shared/rear/node-wire-examples}) through the Go peer:
 * they decode with the node's structs, which proves the Go peer's structs match what a node sends,
 * so the agent's and the CLI's tests can trust it on our documents. The hostile cases are the ones
 * INTEROP.md says kill a Go node's whole call.
 */
@Tag("peer")
class NodeWireFixturesGoIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each example and the kind a Go node decodes it as; the multicast announcement is not REAR. */
  static Stream<List<String>> examples() {
    return Stream.of(
        List.of("list-flavors-response.json", "flavor-list"),
        List.of("reserve-request-k8slice.json", "reserve-request"),
        List.of("reserve-request-service.json", "reserve-request"),
        List.of("reserve-response-transaction.json", "transaction"),
        List.of("purchase-request.json", "purchase-request"),
        List.of("purchase-response-contract.json", "contract"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyNodeExampleDecodesWithTheGoStructs(List<String> example) throws IOException {
    // GIVEN a document the node sends
    String json = Files.readString(examplesDir().resolve(example.get(0)));

    // WHEN a Go node decodes and re-encodes it
    GoRearPeer.DecodeResult result = GoRearPeer.get().decode(example.get(1), json);

    // THEN nothing is lost: the node's documents are already in Go's canonical form, so the
    // re-encoding carries the same JSON (Go drops only absent optional fields)
    assertTrue(result.ok(), () -> example + " did not decode: " + result.error());
    assertEquals(JSON.readTree(json), JSON.readTree(result.output()), example.get(0));
  }

  @Test
  void everyExampleFileIsCovered() throws IOException {
    try (Stream<Path> files = Files.list(examplesDir())) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      List<String> covered = examples().map(e -> e.get(0)).sorted().toList();
      List<String> uncovered =
          names.stream()
              .filter(n -> !covered.contains(n) && !n.equals("multicast-announcement.json"))
              .toList();
      assertTrue(uncovered.isEmpty(), "node examples with no decode test: " + uncovered);
    }
  }

  @Test
  void anEmptyQuantityFailsTheWholeFlavorList() throws IOException {
    ArrayNode list = flavorList();
    characteristics(list.get(0)).put("cpu", "");

    GoRearPeer.DecodeResult result = GoRearPeer.get().decode("flavor-list", list.toString());

    assertFalse(result.ok(), "Go decoded \"cpu\": \"\"");
    assertTrue(result.error().contains("quantities must match"), result.error());
  }

  @Test
  void anEmptyTimestampFailsTheFlavor() throws IOException {
    ObjectNode flavor = (ObjectNode) flavorList().get(0);
    flavor.put("timestamp", "");

    GoRearPeer.DecodeResult result = GoRearPeer.get().decode("flavor", flavor.toString());

    assertFalse(result.ok(), "Go decoded \"timestamp\": \"\"");
    assertTrue(result.error().contains("parsing time"), result.error());
  }

  @Test
  void aVmFlavorFailsTheWholeFlavorList() throws IOException {
    ArrayNode list = flavorList();
    ((ObjectNode) list.get(1).get("type")).put("name", "vm");

    GoRearPeer.DecodeResult result = GoRearPeer.get().decode("flavor-list", list.toString());

    assertFalse(result.ok(), "Go decoded a vm flavor");
    assertTrue(result.error().contains("unknown flavor type \"vm\""), result.error());
  }

  @Test
  void aBareNumberQuantityIsReadAndWrittenBackAsAString() throws IOException {
    ArrayNode list = flavorList();
    characteristics(list.get(0)).put("cpu", 2).put("pods", 110.0);

    GoRearPeer.DecodeResult result = GoRearPeer.get().decode("flavor-list", list.toString());

    assertTrue(result.ok(), () -> "Go rejected bare numbers: " + result.error());
    JsonNode written = characteristics(JSON.readTree(result.output()).get(0));
    assertEquals("2", written.get("cpu").textValue());
    assertEquals("110", written.get("pods").textValue());
  }

  @Test
  void goJsonTrimsSpacesAroundAQuantityThatParseQuantityRejects() throws IOException {
    // what Java's JSON binding of quantities must accept too: Quantity.UnmarshalJSON trims
    // spaces before ParseQuantity, and reads null as zero
    ArrayNode list = flavorList();
    characteristics(list.get(0)).put("cpu", " 2 ").putNull("pods");

    GoRearPeer.DecodeResult result = GoRearPeer.get().decode("flavor-list", list.toString());

    assertTrue(result.ok(), () -> "Go rejected \" 2 \" or null: " + result.error());
    JsonNode written = characteristics(JSON.readTree(result.output()).get(0));
    assertEquals("2", written.get("cpu").textValue());
    assertEquals("0", written.get("pods").textValue());
  }

  private static ObjectNode characteristics(JsonNode flavor) {
    return (ObjectNode) flavor.get("type").get("data").get("charateristics");
  }

  private static ArrayNode flavorList() throws IOException {
    return (ArrayNode) JSON.readTree(examplesDir().resolve("list-flavors-response.json").toFile());
  }

  /** shared/rear/node-wire-examples beside the repository, passed by the pom as shared.dir. */
  static Path examplesDir() {
    String shared = System.getProperty("shared.dir");
    if (shared == null || shared.isBlank()) {
      throw new IllegalStateException(
          "system property shared.dir is not set: run the peer tier through Maven"
              + " (./mvnw -B verify -Ppeer -pl edge-agent/rear-api), which passes"
              + " ${maven.multiModuleProjectDirectory}/../shared");
    }
    Path dir = Path.of(shared, "rear", "node-wire-examples");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir
              + " is missing: the FLUIDOS node's wire examples live in shared/rear beside the"
              + " repository");
    }
    return dir;
  }
}
