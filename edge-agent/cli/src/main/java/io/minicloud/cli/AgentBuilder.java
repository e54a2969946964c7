package io.minicloud.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Builds the agents a checkout has not built yet, in one Maven call: {@code ./mvnw -B -q package
 * -DskipTests -pl <modules> -am}. Maven is quiet (-q), so this prints its own progress lines.
 */
final class AgentBuilder {

  private static final long PROGRESS_SECONDS = 15;

  private final Path repoRoot;
  private final DemoSupervisor supervisor;
  private final PrintWriter out;

  /**
   * @param supervisor runs Maven as a tracked child, so Ctrl-C during the build stops it too
   */
  AgentBuilder(Path repoRoot, DemoSupervisor supervisor, PrintWriter out) {
    this.repoRoot = repoRoot;
    this.supervisor = supervisor;
    this.out = out;
  }

  /** Agents whose module exists in this checkout but has no quarkus-run.jar. */
  List<Agent> missing(List<Agent> agents) {
    return agents.stream()
        .filter(a -> a.existsIn(repoRoot) && !a.runJar(repoRoot).toFile().isFile())
        .toList();
  }

  List<String> command(List<Agent> agents) {
    List<String> command = new ArrayList<>();
    command.add(repoRoot.resolve("mvnw").toString());
    command.addAll(List.of("-B", "-q", "package", "-DskipTests", "-pl"));
    command.add(agents.stream().map(Agent::moduleDir).collect(Collectors.joining(",")));
    command.add("-am");
    return command;
  }

  /** Builds the given agents; returns Maven's exit code (0 when there was nothing to build). */
  int build(List<Agent> agents) throws IOException, InterruptedException {
    if (agents.isEmpty()) {
      return 0;
    }
    List<String> command = command(agents);
    String names = agents.stream().map(Agent::name).collect(Collectors.joining(", "));
    out.println("minicloud demo: building " + names + " (" + String.join(" ", command) + ")");
    out.flush();
    long start = System.nanoTime();
    AgentProcess maven = supervisor.start("maven", command, repoRoot, null);
    try {
      while (!maven.process().waitFor(PROGRESS_SECONDS, TimeUnit.SECONDS)) {
        out.println("minicloud demo: still building (" + seconds(start) + " s)");
        out.flush();
      }
    } finally {
      supervisor.forget(maven);
    }
    int code = maven.process().exitValue();
    out.println(
        "minicloud demo: build "
            + (code == 0 ? "finished" : "failed (exit " + code + ")")
            + " after "
            + seconds(start)
            + " s");
    out.flush();
    return code;
  }

  private static long seconds(long startNanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }
}
