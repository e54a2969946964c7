package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentBuilderTest {

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final DemoSupervisor supervisor =
      new DemoSupervisor(new SystemProcessLauncher(), Duration.ofSeconds(1));
  private final Agent built = new Agent("built", "built", 1);
  private final Agent unbuilt = new Agent("unbuilt", "nested/unbuilt", 2);
  private final Agent absent = new Agent("absent", "absent", 3);

  private AgentBuilder builder() throws IOException {
    for (Agent agent : List.of(built, unbuilt)) {
      Files.createDirectories(agent.appDir(root));
      Files.writeString(root.resolve(agent.moduleDir()).resolve("pom.xml"), "<project/>");
    }
    Files.writeString(built.runJar(root), "jar");
    return new AgentBuilder(root, supervisor, new PrintWriter(out, true));
  }

  @Test
  void missingMeansModulePresentButNotBuilt() throws IOException {
    assertEquals(List.of(unbuilt), builder().missing(List.of(built, unbuilt, absent)));
  }

  @Test
  void buildsAllMissingModulesInOneMavenCall() throws Exception {
    // GIVEN a mvnw that records its arguments and fails with 5
    AgentBuilder builder = builder();
    Path mvnw = root.resolve("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/args\"\nexit 5\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));

    // WHEN two agents are built
    int code = builder.build(List.of(unbuilt, built));

    // THEN one call with both modules, Maven's exit code, progress lines
    assertEquals(5, code);
    assertEquals(
        "-B -q package -DskipTests -pl nested/unbuilt,built -am\n",
        Files.readString(root.resolve("args")));
    assertTrue(
        out.toString().startsWith("minicloud demo: building unbuilt, built ("), out.toString());
    assertTrue(out.toString().contains("minicloud demo: build failed (exit 5)"), out.toString());
    assertTrue(supervisor.children().isEmpty());
  }

  @Test
  void nothingMissingBuildsNothing() throws Exception {
    assertEquals(0, builder().build(List.of()));
    assertEquals("", out.toString());
  }
}
