package io.minicloud.vim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @Test
  void createsAMissingDirectoryAndAcceptsIt(@TempDir Path tmp) {
    var dir = new DataDirectory(tmp.resolve("a/b"));

    var problem = dir.problem();

    assertTrue(problem.isEmpty(), problem.toString());
    assertTrue(Files.isDirectory(tmp.resolve("a/b")));
  }

  @Test
  void namesThePathWhenItCannotBeCreated(@TempDir Path tmp) throws Exception {
    // A regular file in the way fails even for root, unlike permission bits.
    Files.writeString(tmp.resolve("file"), "x");
    var dir = new DataDirectory(tmp.resolve("file/state"));

    var problem = dir.problem();

    assertTrue(problem.isPresent());
    assertTrue(problem.get().contains(tmp.resolve("file/state").toString()), problem.get());
  }
}
