package io.minicloud.charagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Location;
import io.minicloud.charagent.output.CharacterizationJson;
import io.minicloud.charagent.output.CharacterizationSchema;
import io.minicloud.charagent.output.CharacterizationTosca;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The characterizer runs every probe over a root. Assertions are about structure and validity, not
 * values: the probes' own tests pin values per captured tree.
 */
class CharacterizerTest {

  static final Path QUARKUS_TREE = Path.of("src/test/resources/trees/quarkus-test");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
  static final Location TORINO = new Location("Europe", "IT", "Torino", 45.07, 7.69);

  @Test
  void fillsEveryPartAndTakesTimeAndNodeFromItsCollaborators() {
    // GIVEN a small captured tree, a node name, a location and a fixed clock
    var characterizer = new Characterizer(QUARKUS_TREE, "gw-1", TORINO, CLOCK);

    // WHEN it runs
    Characterizer.Run run = characterizer.run();

    // THEN every part is there, with our metadata
    Characterization c = run.characterization();
    assertEquals(Characterization.SCHEMA_VERSION, c.schemaVersion());
    assertEquals("gw-1", c.node());
    assertEquals(CLOCK.instant(), c.collectedAt());
    assertEquals(TORINO, c.location());
    assertNotNull(c.board());
    assertNotNull(c.cpu());
    assertNotNull(c.memory());
    assertNotNull(c.storage());
    assertNotNull(c.accelerators());
    assertNotNull(c.network());
    assertNotNull(c.devices());
    assertNotNull(c.power());
    assertNotNull(c.software());
    assertNotNull(c.warnings());
    assertFalse(run.duration().isNegative());
    CharacterizationSchema.assertValid(CharacterizationJson.write(c));
  }

  @Test
  void anEmptyRootGivesAValidDocumentNotAnException(@TempDir Path empty) {
    var c =
        new Characterizer(empty, "n", new Location(null, null, null, null, null), CLOCK)
            .characterize();

    CharacterizationSchema.assertValid(CharacterizationJson.write(c));
    assertTrue(CharacterizationTosca.write(c).startsWith("tosca_definitions_version:"));
  }

  @Test
  void garbageTruncatedAndHugeFilesDoNotBreakIt(@TempDir Path root) throws Exception {
    // GIVEN the files probes read, filled with binary garbage, truncated text, nothing, or 3 MiB
    var random = new Random(7);
    byte[] garbage = new byte[4096];
    random.nextBytes(garbage);
    for (String path :
        new String[] {
          "proc/cpuinfo",
          "proc/meminfo",
          "proc/mounts",
          "etc/os-release",
          "proc/sys/kernel/osrelease",
          "sys/firmware/devicetree/base/model",
          "sys/class/dmi/id/product_name",
          "sys/class/thermal/thermal_zone0/temp",
          "sys/block/sda/size",
          "sys/class/net/eth0/speed"
        }) {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, garbage);
    }
    Files.writeString(root.resolve("proc/meminfo"), "MemTotal:   38843");
    Files.writeString(root.resolve("etc/os-release"), "");
    Files.write(root.resolve("proc/cpuinfo"), new byte[3 << 20]);

    // WHEN characterized THEN both outputs are still well-formed
    var c = new Characterizer(root, "n", TORINO, CLOCK).characterize();
    CharacterizationSchema.assertValid(CharacterizationJson.write(c));
    assertTrue(CharacterizationTosca.write(c).contains("minicloud.nodes.EdgeGateway"));
  }

  static Stream<Path> capturedTrees() throws Exception {
    try (Stream<Path> trees = Files.list(Path.of("src/test/resources/trees"))) {
      return trees.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("capturedTrees")
  void everyCapturedTreeGivesASchemaValidDocument(Path tree) {
    var c = new Characterizer(tree, "gw", TORINO, CLOCK).characterize();

    CharacterizationSchema.assertValid(CharacterizationJson.write(c));
  }

  @Test
  void thisMachineCharacterizesIntoAValidDocument() {
    var c =
        new Characterizer(Path.of("/"), "build-machine", TORINO, Clock.systemUTC()).characterize();

    CharacterizationSchema.assertValid(CharacterizationJson.write(c));
  }
}
