package io.minicloud.charagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Location;
import io.minicloud.charagent.output.CharacterizationJson;
import io.minicloud.charagent.output.CharacterizationTosca;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole characterization of each captured board, pinned as golden JSON and TOSCA ({@code
 * golden/char.<board>.json|tosca.yaml}). A change to any probe or writer that changes what a board
 * looks like shows up here as a diff to review; after reviewing, regenerate with {@code ./mvnw -pl
 * char-agent test -Dtest=GoldenCharacterizationTest -Dgolden.update=true}. The TOSCA of every tree
 * is also checked by the real tosca-parser in {@code CharacterizationToscaIT}.
 */
class GoldenCharacterizationTest {
  private static final Path TREES = Path.of("src/test/resources/trees");
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @ValueSource(
      strings = {"rpi4b-bookworm64", "rpi5", "rpi3bplus-armv7l", "jetson-orin-nano", "x86-minipc"})
  void boardMatchesItsGoldenJsonAndTosca(String board) throws IOException {
    // GIVEN a captured board, a fixed node name and clock
    var characterizer =
        new Characterizer(
            TREES.resolve(board), board, new Location(null, null, null, null, null), CLOCK);

    // WHEN it is characterized
    Characterization c = characterizer.run().characterization();

    // THEN both documents are exactly the reviewed ones
    assertGolden("char." + board + ".json", CharacterizationJson.write(c));
    assertGolden("char." + board + ".tosca.yaml", CharacterizationTosca.write(c));
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    String text = actual.endsWith("\n") ? actual : actual + "\n";
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, text);
    }
    assertTrue(Files.isRegularFile(file), file + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(file), text, name + " differs from the golden file");
  }
}
