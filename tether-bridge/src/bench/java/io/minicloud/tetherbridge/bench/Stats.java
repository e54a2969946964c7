package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.api.peers.PeerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Percentiles and a description of the machine the numbers come from. */
final class Stats {
  private Stats() {}

  /** Nearest-rank percentile ({@code p} 0..100) of unsorted values. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    if (p <= 0) {
      return sorted[0];
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  }

  static double median(double[] values) {
    return percentile(values, 50);
  }

  /** {@code 2 cores (AMD EPYC), OpenJDK 64-Bit Server VM 17.0.15+6-..., mosquitto 2.0.11}. */
  static String machine() {
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpuModel()
        + "), "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.runtime.version")
        + ", "
        + mosquittoVersion();
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String mosquittoVersion() {
    try {
      Process p =
          new ProcessBuilder(
                  PeerProcess.onPath("mosquitto") ? "mosquitto" : "/usr/sbin/mosquitto", "-h")
              .redirectErrorStream(true)
              .start();
      String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
      p.waitFor();
      return first.isEmpty() ? "mosquitto" : first.replace(" version", "");
    } catch (IOException e) {
      return "mosquitto (version unknown)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "mosquitto";
    }
  }
}
