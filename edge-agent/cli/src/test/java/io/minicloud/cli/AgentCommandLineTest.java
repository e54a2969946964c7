package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandLineTest {

  @TempDir Path appDir;

  private final Agent agent = new Agent("char-agent", "char-agent", 9101);
  private final AgentCommandLine commandLine = new AgentCommandLine(Path.of("/opt/jdk/bin/java"));

  @Test
  void smallFootprintFlagsDataDirAndNoConfigFile() {
    // GIVEN an app dir without a CDS archive WHEN the command is built
    List<String> command = commandLine.command(agent, appDir, Path.of("/r/.minicloud/demo/c"));

    // THEN the gateway JVM flags, the demo data dir, no config file, the run jar
    assertEquals("/opt/jdk/bin/java", command.get(0));
    assertEquals(AgentCommandLine.JVM_FLAGS, command.subList(1, 9));
    assertEquals(
        List.of(
            "-Dminicloud.char-agent.data-dir=/r/.minicloud/demo/c",
            "-Dquarkus.config.locations=",
            "-jar",
            "quarkus-run.jar"),
        command.subList(9, command.size()));
    assertFalse(String.join(" ", command).contains("SharedArchiveFile"));
  }

  @Test
  void usesTheAppCdsArchiveOnlyWhenPresent() throws IOException {
    // GIVEN the packaging build left an AppCDS archive
    Files.createFile(appDir.resolve("app-cds.jsa"));

    // WHEN the command is built THEN it uses it
    List<String> command = commandLine.command(agent, appDir, Path.of("/d"));
    assertTrue(command.contains("-XX:SharedArchiveFile=app-cds.jsa"), command.toString());
  }
}
