package io.minicloud.rear.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The REAR reference files beside the repository ({@code shared/rear}), found via shared.dir. */
public final class RearFixtures {

  private RearFixtures() {}

  public static Path rearDir() {
    String shared = System.getProperty("shared.dir");
    if (shared == null || shared.isBlank()) {
      throw new IllegalStateException(
          "system property shared.dir is not set: run the tests through Maven, which passes"
              + " ${maven.multiModuleProjectDirectory}/../shared");
    }
    Path dir = Path.of(shared, "rear");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " is missing: shared/ must sit beside the repository");
    }
    return dir;
  }

  public static Path wireExample(String name) {
    return rearDir().resolve("node-wire-examples").resolve(name);
  }

  public static String read(String wireExample) throws IOException {
    return Files.readString(wireExample(wireExample));
  }
}
