package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minicloud test} against a throw-away source tree whose mvnw records its arguments. */
class TestCommandTest {

  @TempDir Path root;

  @BeforeEach
  void sourceTree() throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Path mvnw = root.resolve("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/args\"\nexit 7\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(root.resolve(".ci"));
  }

  private void peers(String content) throws IOException {
    Files.writeString(root.resolve(".ci/peers"), content);
  }

  @Test
  void missingPeersWithNoInstallAreNamedWithTheInstallLine() throws IOException {
    // GIVEN a peer whose command is nowhere on PATH
    peers("# test\nsh dash\nno-such-peer-cmd fancy-pkg  # something\n");

    // WHEN test runs with --no-install
    CliRun run = CliRun.of("test", "--no-install", "--home", root.toString());

    // THEN exit 2, the command, its package and the exact apt-get line; Maven never ran
    assertEquals(2, run.exitCode());
    assertEquals(
        "minicloud test: missing peer commands: no-such-peer-cmd (fancy-pkg)\n"
            + "minicloud test: install them with: sudo apt-get install -y"
            + " --no-install-recommends fancy-pkg\n",
        run.err());
    assertTrue(Files.notExists(root.resolve("args")));
  }

  @Test
  void withAllPeersPresentMavenRunsWithTheTiersAndExtraArgs() throws IOException {
    // GIVEN peers that every machine has
    peers("sh dash\n");

    // WHEN test runs with extra Maven arguments after --
    CliRun run = CliRun.of("test", "--home", root.toString(), "--", "-pl", "char-agent");

    // THEN mvnw ran verify with both tiers plus the extras, and its exit code is ours
    assertEquals(7, run.exitCode(), run.err());
    assertEquals("-B verify -Ppeer,hil -pl char-agent\n", Files.readString(root.resolve("args")));
  }

  @Test
  void malformedManifestNamesTheLine() throws IOException {
    peers("sh dash\n\nbroken\n");

    CliRun run = CliRun.of("test", "--no-install", "--home", root.toString());

    assertEquals(3, run.exitCode());
    assertTrue(
        run.err().startsWith("minicloud test: " + root.resolve(".ci/peers") + ":3: "), run.err());
  }

  @Test
  void missingManifestIsNamed() {
    CliRun run = CliRun.of("test", "--no-install", "--home", root.toString());

    assertEquals(3, run.exitCode());
    assertTrue(run.err().contains(".ci/peers does not exist"), run.err());
  }
}
