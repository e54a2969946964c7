package io.minicloud.charagent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.charagent.Characterizer;
import io.minicloud.charagent.Samples;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Location;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TOSCA document the agent emits is valid for the real OpenStack tosca-parser (Debian's
 * python3-tosca-parser, shared/PEERS.md): this machine, the captured trees, and a hostile document.
 */
@Tag("peer")
class CharacterizationToscaIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TREES = Path.of("src/test/resources/trees");

  @TempDir static Path work;
  private static ToscaParser parser;

  @BeforeAll
  static void prepareParser() throws Exception {
    parser = ToscaParser.prepare(Files.createDirectories(work.resolve("parser")));
  }

  private static ToscaParser.Result validate(String name, String tosca) throws Exception {
    Path file = work.resolve(name + ".yaml");
    Files.writeString(file, tosca);
    return parser.validate(file);
  }

  private static void assertAccepted(String name, Characterization c) throws Exception {
    var result = validate(name, CharacterizationTosca.write(c));
    assertEquals(
        0, result.exitCode(), () -> name + " rejected by tosca-parser:\n" + result.output());
  }

  @Test
  void thisMachinesDocumentIsValid() throws Exception {
    String host = InetAddress.getLocalHost().getHostName();
    var c =
        new Characterizer(
                Path.of("/"),
                host,
                new Location("Europe", "IT", "Torino", 45.07, 7.69),
                Clock.systemUTC())
            .characterize();

    assertAccepted("live", c);
  }

  static Stream<Path> capturedTrees() throws Exception {
    try (Stream<Path> trees = Files.list(TREES)) {
      return trees.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturedTrees")
  void everyCapturedTreesDocumentIsValid(Path tree) throws Exception {
    var c =
        new Characterizer(tree, "gw", new Location(null, null, null, null, null), Clock.systemUTC())
            .characterize();

    assertAccepted(tree.getFileName().toString(), c);
  }

  @Test
  void samplesAreValid() throws Exception {
    assertAccepted("pi4", Samples.pi4());
    assertAccepted("unknown", Samples.unknown());
  }

  @Test
  void hostileStringsAndManyDevicesStayValidAndVerbatim() throws Exception {
    // GIVEN hostile strings everywhere and 40 accelerators, USB devices, serial ports and buses
    Characterization hostile = Samples.hostile();

    // WHEN the real parser reads the document
    var result = validate("hostile", CharacterizationTosca.write(hostile));

    // THEN it is valid, and the strings it sees are the strings we had
    assertEquals(0, result.exitCode(), result::output);
    JsonNode board = JSON.readTree(result.capabilitiesJson()).at("/board/properties");
    assertEquals(hostile.board().model(), board.get("model").asText());
    assertEquals(hostile.board().vendor(), board.get("vendor").asText());
    assertEquals(hostile.board().serial(), board.get("serial").asText());
    JsonNode flags = JSON.readTree(result.capabilitiesJson()).at("/processor/properties/flags");
    List<String> seen =
        JSON.convertValue(
            flags, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    assertEquals(Samples.HOSTILE, seen);
  }

  @Test
  void aBrokenScalarUnitIsRejected() throws Exception {
    // GIVEN a valid document with one scalar-unit broken by hand
    String valid = CharacterizationTosca.write(Samples.pi4());
    String broken = valid.replace("mem_size: \"3793 MiB\"", "mem_size: \"lots\"");
    assertTrue(broken.contains("\"lots\""), "the test must break something");

    // WHEN the parser reads it THEN it fails and says why: the check bites
    var result = validate("broken", broken);
    assertEquals(1, result.exitCode(), result::output);
    assertTrue(result.output().contains("\"lots\" is not a valid scalar-unit"), result::output);
  }
}
