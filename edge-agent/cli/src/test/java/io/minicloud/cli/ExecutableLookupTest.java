package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutableLookupTest {

  @TempDir Path dir;

  @Test
  void findsTheFirstExecutableOnThePath() throws IOException {
    // GIVEN two PATH dirs: the first has a non-executable file, the second an executable one
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    Files.writeString(first.resolve("tool"), "");
    Path tool = second.resolve("tool");
    Files.writeString(tool, "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    ExecutableLookup lookup = new ExecutableLookup(first + File.pathSeparator + second);

    // WHEN looked up THEN the executable one
    assertEquals(Optional.of(tool), lookup.find("tool"));
    assertTrue(lookup.find("other").isEmpty());
  }

  @Test
  void emptyOrMissingPathFindsNothing() {
    assertTrue(new ExecutableLookup(null).find("sh").isEmpty());
    assertTrue(new ExecutableLookup("").find("sh").isEmpty());
  }
}
