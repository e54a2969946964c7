package io.minicloud.hil.bench;

import io.minicloud.hil.BoardAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Start time and idle RSS of every agent, in JVM mode, with the JVM's defaults (the reference) and
 * with the small-footprint flags and AppCDS archive the systemd units use. Prints numbers; never
 * passes or fails on them. Results go to docs/PERFORMANCE.md.
 *
 * <p>Runs alternate between the two modes so drift on the machine hits both alike.
 */
public final class StartupBench {

  enum Mode {
    REFERENCE,
    FOOTPRINT
  }

  public static void main(String[] args) throws Exception {
    Path root = BoardAgent.repoRoot();
    int runs = Integer.getInteger("bench.runs", 5);
    Duration idle = Duration.ofSeconds(Integer.getInteger("bench.idleSeconds", 5));
    Path scratch = Files.createTempDirectory("minicloud-startup-bench");
    printMachine(runs, idle);

    System.out.println("medians of each column:");
    System.out.println(
        "| agent | mode | ready ms | Quarkus 'started in' ms | idle RSS MiB | idle PSS MiB |");
    System.out.println("|---|---|---|---|---|---|");
    Map<BoardAgent, Map<Mode, double[]>> medians = new EnumMap<>(BoardAgent.class);
    for (BoardAgent agent : BoardAgent.values()) {
      Path appDir = agent.appDir(root);
      if (!Files.isRegularFile(appDir.resolve("quarkus-run.jar"))) {
        throw new IllegalStateException("not built: " + appDir + " (run with -am)");
      }
      var launch = new AgentLaunch(appDir, agent.agentName());
      Map<Mode, List<AgentLaunch.Sample>> samples = new EnumMap<>(Mode.class);
      launch.run(List.of(), Duration.ZERO, scratch); // warm the page cache, not counted
      for (int i = 0; i < runs; i++) {
        for (Mode mode : Mode.values()) {
          samples
              .computeIfAbsent(mode, m -> new ArrayList<>())
              .add(launch.run(flags(mode, appDir), idle, scratch));
        }
      }
      Map<Mode, double[]> perMode = new EnumMap<>(Mode.class);
      for (Mode mode : Mode.values()) {
        List<AgentLaunch.Sample> s = samples.get(mode);
        double[] m = {
          median(s.stream().mapToDouble(AgentLaunch.Sample::readyMillis).toArray()),
          median(s.stream().mapToDouble(AgentLaunch.Sample::quarkusMillis).toArray()),
          median(s.stream().mapToDouble(AgentLaunch.Sample::rssMiB).toArray()),
          median(s.stream().mapToDouble(AgentLaunch.Sample::pssMiB).toArray())
        };
        perMode.put(mode, m);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %.0f | %.0f | %.1f | %.1f |%n",
            agent.agentName(),
            mode.name().toLowerCase(Locale.ROOT),
            m[0],
            m[1],
            m[2],
            m[3]);
      }
      medians.put(agent, perMode);
    }
    printRatios(medians);
  }

  static List<String> flags(Mode mode, Path appDir) {
    if (mode == Mode.REFERENCE) {
      return List.of();
    }
    List<String> flags = new ArrayList<>(BoardAgent.FOOTPRINT_FLAGS);
    if (Files.isRegularFile(appDir.resolve("app-cds.jsa"))) {
      flags.add("-XX:SharedArchiveFile=app-cds.jsa");
    }
    return flags;
  }

  private static void printRatios(Map<BoardAgent, Map<Mode, double[]>> medians) {
    System.out.println();
    System.out.println("| agent | ready time | idle RSS | idle PSS |  (footprint / reference)");
    System.out.println("|---|---|---|---|");
    medians.forEach(
        (agent, m) ->
            System.out.printf(
                Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f |%n",
                agent.agentName(),
                m.get(Mode.FOOTPRINT)[0] / m.get(Mode.REFERENCE)[0],
                m.get(Mode.FOOTPRINT)[2] / m.get(Mode.REFERENCE)[2],
                m.get(Mode.FOOTPRINT)[3] / m.get(Mode.REFERENCE)[3]));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void printMachine(int runs, Duration idle) throws Exception {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    System.out.printf(
        Locale.ROOT,
        "machine: %d cores (%s), %s %s; %d runs per mode, RSS read after %d s idle%n%n",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        runs,
        idle.toSeconds());
  }
}
