package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.firmata.sim.StandardFirmataHex;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Firmata analog sample → MQTT message: A0 of an emulated Uno (simavr, real StandardFirmata) is
 * stepped between 1 V and 4 V; the latency of a step is the time from {@code analogInput} to the
 * subscriber's arrival of the new voltage, through the whole bridge (plugin, runtime, durable
 * queue, forwarder, Mosquitto). The reference, in the same command and on a fresh board of its own,
 * is a bare decoder on the pty: the same steps seen without bridge and MQTT. Prints numbers; never
 * fails on them (docs/PERFORMANCE.md).
 *
 * <p>{@code ./mvnw -B -Pbench -pl tether-bridge test-compile exec:java@firmata-latency-bench
 * [-Dbench.runs=3 -Dbench.firmataSteps=200 -Dbench.samplingMillis=1]}
 */
public final class FirmataLatencyBench {
  private FirmataLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 3);
    int steps = Integer.getInteger("bench.firmataSteps", 200);
    int sampling = Integer.getInteger("bench.samplingMillis", 1);
    if (!MosquittoPeer.installed() || !VirtualBoard.available()) {
      System.out.println("firmata bench: needs mosquitto and simavr (shared/PEERS.md); skipped");
      return;
    }
    String loadBefore = Stats.loadAverage();
    Path dir = Files.createTempDirectory("firmata-bench");
    ObjectMapper json = new ObjectMapper();
    long[][] bare = new long[runs][];
    long[][] bridge = new long[runs][];
    int[] lostBare = new int[1];
    int[] lostBridge = new int[1];
    try (MosquittoPeer broker =
        MosquittoPeer.start(dir.resolve("broker"), MosquittoPeer.Mode.PLAIN)) {
      for (int r = 0; r < runs; r++) { // alternating, one board alive at a time
        bare[r] = bare(steps, sampling, lostBare);
        bridge[r] = bridge(dir.resolve("run" + r), broker.uri(), steps, sampling, json, lostBridge);
      }
    }
    System.out.printf(
        "%nFirmata analog sample → MQTT latency%n"
            + "command: ./mvnw -B -Pbench -pl tether-bridge test-compile"
            + " exec:java@firmata-latency-bench -Dbench.runs=%d -Dbench.firmataSteps=%d"
            + " -Dbench.samplingMillis=%d%n"
            + "machine: %s; load average %s at start, %s at end%n"
            + "board: simavr ATmega328P, StandardFirmata (avrgirl-arduino 4.2.3), 57600 baud pty;"
            + " A0 stepped 1 V ↔ 4 V, %d steps per run, sampling interval %d ms%n%n",
        runs, steps, sampling, Stats.machine(), loadBefore, Stats.loadAverage(), steps, sampling);
    System.out.println(
        "| run | bare decoder p50 ms | bare p99 ms | bridge → MQTT p50 ms | bridge p99 ms"
            + " | bridge max ms | ratio p50 bridge/bare |");
    System.out.println("|---|---|---|---|---|---|---|");
    double[] ratios = new double[runs];
    double[] bareP50 = new double[runs];
    double[] bridgeP50 = new double[runs];
    double[] bridgeP99 = new double[runs];
    for (int r = 0; r < runs; r++) {
      double[] b = millis(bare[r]);
      double[] g = millis(bridge[r]);
      bareP50[r] = Stats.percentile(b, 50);
      bridgeP50[r] = Stats.percentile(g, 50);
      bridgeP99[r] = Stats.percentile(g, 99);
      ratios[r] = bridgeP50[r] / bareP50[r];
      System.out.printf(
          "| %d (%d/%d samples) | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          r + 1,
          b.length,
          g.length,
          bareP50[r],
          Stats.percentile(b, 99),
          bridgeP50[r],
          bridgeP99[r],
          Stats.percentile(g, 100),
          ratios[r]);
    }
    System.out.printf(
        "| **median** | **%.2f** | | **%.2f** | **%.2f** | | **%.2f** |%n",
        Stats.median(bareP50),
        Stats.median(bridgeP50),
        Stats.median(bridgeP99),
        Stats.median(ratios));
    System.out.printf(
        "steps not seen within 5 s: bare %d, bridge %d%n", lostBare[0], lostBridge[0]);
  }

  private static long[] bare(int steps, int sampling, int[] lost) throws Exception {
    FirmataLatencyProbe probe = new FirmataLatencyProbe();
    try (VirtualBoard board = VirtualBoard.start(StandardFirmataHex.path());
        FirmataBareHost host = new FirmataBareHost(board, sampling, probe)) {
      board.analogInput(0, FirmataLatencyProbe.LOW_MV);
      Thread.sleep(500);
      return probe.run(board, steps, mv -> v -> v == FirmataLatencyProbe.counts(mv), lost);
    }
  }

  private static long[] bridge(
      Path dir, String broker, int steps, int sampling, ObjectMapper json, int[] lost)
      throws Exception {
    FirmataLatencyProbe probe = new FirmataLatencyProbe();
    try (VirtualBoard board = VirtualBoard.start(StandardFirmataHex.path())) {
      board.analogInput(0, FirmataLatencyProbe.LOW_MV);
      try (FirmataBridgePath path =
          new FirmataBridgePath(dir, broker, board.pty(), sampling, json, probe)) {
        path.awaitFirstValue(probe, Duration.ofSeconds(30));
        Thread.sleep(500);
        // the transform: counts × 5 / 1023 volts
        return probe.run(
            board,
            steps,
            mv -> v -> Math.abs(v - FirmataLatencyProbe.counts(mv) * 5.0 / 1023) < 1e-6,
            lost);
      }
    }
  }

  private static double[] millis(long[] micros) {
    return Arrays.stream(micros).mapToDouble(us -> us / 1000.0).toArray();
  }
}
