package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

  @TempDir Path dir;

  @Test
  void givenRootMustExist() {
    CliFailure e = assertThrows(CliFailure.class, () -> RepoRoot.resolve(dir.resolve("gone"), dir));
    assertEquals(2, e.exitCode());
    assertTrue(e.getMessage().endsWith("gone does not exist"), e.getMessage());
  }

  @Test
  void givenRootMustBeASourceTree() {
    CliFailure e = assertThrows(CliFailure.class, () -> RepoRoot.resolve(dir, dir));
    assertTrue(e.getMessage().contains("not a Minicloud source tree"), e.getMessage());
  }

  @Test
  void withoutARootTheWorkingDirectoryIsSearchedUpwards() throws IOException {
    // GIVEN a tree with mvnw and pom.xml, and a working dir deep inside it
    Files.createFile(dir.resolve("mvnw"));
    Files.createFile(dir.resolve("pom.xml"));
    Path deep = Files.createDirectories(dir.resolve("a/b"));

    // WHEN resolved without --home THEN the tree's root
    assertEquals(dir.toRealPath(), RepoRoot.resolve(null, deep).toRealPath());
  }
}
