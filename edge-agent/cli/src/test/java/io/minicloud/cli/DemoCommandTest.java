package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

  @TempDir Path dir;

  @Test
  void missingRepositoryRootIsAClearUsageError() {
    // GIVEN a --home that does not exist WHEN demo runs
    Path gone = dir.resolve("nowhere");
    CliRun run = CliRun.of("demo", "--home", gone.toString());

    // THEN exit 2 and one line naming the directory, nothing started
    assertEquals(2, run.exitCode());
    assertEquals(
        "minicloud demo: repository root " + gone.toAbsolutePath() + " does not exist\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void nonPositiveTimeoutIsAUsageError() {
    CliRun run = CliRun.of("demo", "--timeout", "0", "--home", dir.toString());

    assertEquals(2, run.exitCode());
    assertEquals(
        "minicloud demo: --timeout must be positive\n"
            + "Try 'minicloud demo --help' for more information.\n",
        run.err());
  }
}
