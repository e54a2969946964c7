package io.minicloud.charagent.bench;

import io.minicloud.charagent.Characterizer;
import io.minicloud.charagent.model.Location;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * Full characterization of this machine, warm, against what script-based agents do (spawn {@code
 * lscpu}, {@code lsblk} and {@code ip -j addr} one after the other). Prints numbers; it never fails
 * on timing (docs/PERFORMANCE.md).
 *
 * <p>{@code ./mvnw -B verify -Pbench -pl char-agent [-Dbench.runs=200 -Dbench.warmup=100
 * -Dbench.spawnRuns=20]}
 */
public final class CharacterizeBench {

  private static final List<List<String>> SCRIPT =
      List.of(List.of("lscpu"), List.of("lsblk"), List.of("ip", "-j", "addr"));

  private CharacterizeBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 200);
    int warmup = Integer.getInteger("bench.warmup", 100);
    int spawnRuns = Integer.getInteger("bench.spawnRuns", 20);
    Path root = Path.of(System.getProperty("bench.root", "/"));

    var characterizer =
        new Characterizer(
            root,
            InetAddress.getLocalHost().getHostName(),
            new Location(null, null, null, null, null),
            Clock.systemUTC());
    int warnings = 0;
    for (int i = 0; i < warmup; i++) {
      warnings = characterizer.run().characterization().warnings().size();
    }
    double[] characterize = new double[runs];
    for (int i = 0; i < runs; i++) {
      characterize[i] = characterizer.run().duration().toNanos() / 1e6;
    }

    double[] spawn = new double[spawnRuns];
    String spawnNote = "";
    for (int i = 0; i < spawnRuns; i++) {
      long start = System.nanoTime();
      for (List<String> command : SCRIPT) {
        try {
          Process p =
              new ProcessBuilder(command)
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          p.waitFor();
        } catch (IOException e) {
          spawnNote = " (" + command.get(0) + " missing: " + e.getMessage() + ")";
        }
      }
      spawn[i] = (System.nanoTime() - start) / 1e6;
    }

    System.out.printf(
        "char-agent characterize bench: root %s, %d CPUs, Java %s, %d warnings per run%n",
        root, Runtime.getRuntime().availableProcessors(), Runtime.version(), warnings);
    System.out.printf(
        "  characterization (warm, %d runs after %d warm-up): median %.2f ms, p90 %.2f ms,"
            + " min %.2f ms, max %.2f ms%n",
        runs,
        warmup,
        percentile(characterize, 50),
        percentile(characterize, 90),
        percentile(characterize, 0),
        percentile(characterize, 100));
    System.out.printf(
        "  lscpu + lsblk + ip -j addr, sequential (%d runs): median %.2f ms, p90 %.2f ms%s%n",
        spawnRuns, percentile(spawn, 50), percentile(spawn, 90), spawnNote);
    System.out.printf(
        "  ratio (spawn median / characterization median): %.1fx%n",
        percentile(spawn, 50) / percentile(characterize, 50));
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (p <= 0) {
      return sorted[0];
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }
}
