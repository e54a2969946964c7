package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java build and the Makefile build the same sources, and all of them ship in the jar. */
class TetherFirmwareSourcesTest {

  @Test
  void theMakefileListsTheSourcesTheJavaBuildCompiles() throws IOException {
    String makefile = resource("Makefile");
    String line =
        makefile.lines().filter(l -> l.startsWith("SOURCES = ")).findFirst().orElseThrow();
    List<String> sources = Arrays.asList(line.substring("SOURCES = ".length()).trim().split(" "));
    assertEquals(TetherFirmware.SOURCES, sources);
  }

  @Test
  void everySourceAndHeaderShipsAsAResource() throws IOException {
    for (String name : TetherFirmware.SOURCES) {
      assertNotNull(resource(name));
    }
    for (String name : TetherFirmware.HEADERS) {
      assertNotNull(resource(name));
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        TetherFirmware.class.getResourceAsStream(TetherFirmware.RESOURCES + name)) {
      assertNotNull(in, name + " is not a resource");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
