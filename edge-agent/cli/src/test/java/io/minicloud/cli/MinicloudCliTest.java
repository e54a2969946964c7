package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MinicloudCliTest {

  static List<Arguments> commandsAndOptions() {
    return List.of(
        Arguments.of(new String[] {"--help"}, List.of("demo", "status", "test", "version")),
        Arguments.of(new String[] {"demo", "--help"}, List.of("--home", "--timeout", ".log")),
        Arguments.of(
            new String[] {"status", "--help"}, List.of("--host", "--json", "--timeout-ms")),
        Arguments.of(
            new String[] {"test", "--help"}, List.of("--no-install", "--home", "MAVEN_ARGS")),
        Arguments.of(new String[] {"version", "--help"}, List.of("--help")));
  }

  @ParameterizedTest
  @MethodSource("commandsAndOptions")
  void helpExitsZeroAndListsOptionsAndExitCodes(String[] args, List<String> expected) {
    // GIVEN a command's --help WHEN it runs
    CliRun run = CliRun.of(args);

    // THEN it succeeds and documents its options and exit codes
    assertEquals(0, run.exitCode(), run.err());
    for (String option : expected) {
      assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
    }
    assertTrue(run.out().contains("Exit codes"), run.out());
  }

  @Test
  void unknownCommandIsAOneLineUsageError() {
    // GIVEN a command that does not exist WHEN it runs
    CliRun run = CliRun.of("frobnicate");

    // THEN picocli's usage exit code and a clear message with a hint
    assertEquals(2, run.exitCode());
    assertEquals(
        "minicloud: unknown command 'frobnicate'\nTry 'minicloud --help' for more information.\n",
        run.err());
  }

  @Test
  void unknownOptionIsAOneLineUsageError() {
    // GIVEN an option status does not have WHEN it runs
    CliRun run = CliRun.of("status", "--frob");

    // THEN exit 2 and the option named
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("minicloud status: Unknown option: '--frob'\n"), run.err());
  }

  @Test
  void noCommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("minicloud: missing command"), run.err());
  }

  @Test
  void invalidOptionValueIsAUsageError() {
    // GIVEN a non-numeric timeout WHEN demo parses it
    CliRun run = CliRun.of("demo", "--timeout", "soon");

    // THEN exit 2 naming the option
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--timeout"), run.err());
  }

  @Test
  void versionPrintsTheProjectVersion() {
    // GIVEN the filtered version resource WHEN version runs
    CliRun run = CliRun.of("version");

    // THEN the Maven project version, not a placeholder
    assertEquals(0, run.exitCode());
    assertTrue(run.out().matches("minicloud \\d+\\.\\d+\\.\\d+.*\\n"), run.out());
  }
}
