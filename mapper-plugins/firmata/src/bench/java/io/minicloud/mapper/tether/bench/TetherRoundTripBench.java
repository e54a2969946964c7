package io.minicloud.mapper.tether.bench;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.peers.PtyPair;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.PinMode;
import io.minicloud.mapper.tether.codec.Request;
import io.minicloud.mapper.tether.sim.LossyProxy;
import io.minicloud.mapper.tether.sim.TetherBoard;
import io.minicloud.mapper.tether.sim.TetherFirmware;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tether v1 command round trips over the simavr board (docs/PERFORMANCE.md). Every scenario runs on
 * one board, through the same socat pty pair and Java proxy, so they differ only in what is
 * measured and in the injected loss:
 *
 * <ul>
 *   <li><b>reference</b>: READ of an output pin (the firmware reads a port register: no work) →
 *       REPORT, no loss;
 *   <li><b>SET 0 %, 1 %, 5 %</b>: SET → ACK with that share of frames dropped in each direction (so
 *       a round trip is lost with about twice that probability), retried after 100 ms.
 * </ul>
 *
 * Numbers, not pass/fail. {@code -Dbench.runs} (3), {@code -Dbench.commands} (500).
 */
public final class TetherRoundTripBench {
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(100);

  private TetherRoundTripBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 3);
    int commands = Integer.getInteger("bench.commands", 500);
    if (!VirtualBoard.available()
        || !TetherFirmware.available()
        || !(PtyPair.unavailable() == null)) {
      System.out.println("[bench] skipped: needs simavr, libsimavr-dev, gcc, gcc-avr, socat");
      return;
    }
    Path firmware = TetherFirmware.build().elf();
    Map<String, List<double[]>> results = new LinkedHashMap<>();
    for (int run = 1; run <= runs; run++) {
      try (VirtualBoard board = VirtualBoard.start(firmware)) {
        Path dir = Files.createTempDirectory("tether-bench");
        try (PtyPair ptys = PtyPair.start(dir, "line")) {
          // unmeasured: JIT, the board's and the ptys' first traffic would otherwise land on
          // whichever scenario runs first (the reference)
          measure(new LinkedHashMap<>(), "warm-up", board, ptys, 0, commands, false);
          measure(results, "reference READ, 0 %", board, ptys, 0, commands, true);
          for (double loss : new double[] {0, 0.01, 0.05}) {
            String name = "SET, " + Math.round(loss * 100) + " % frame loss";
            measure(results, name, board, ptys, loss, commands, false);
          }
        }
      }
      print("run " + run, results, run - 1);
    }
    printMedians(results, runs, commands);
  }

  private static void measure(
      Map<String, List<double[]>> results,
      String name,
      VirtualBoard board,
      PtyPair ptys,
      double loss,
      int commands,
      boolean reference)
      throws Exception {
    ByteConnection proxyEnd = TetherBoard.serial(ptys.b().toString());
    ByteConnection boardEnd = TetherBoard.serial(board.pty());
    try (LossyProxy proxy =
            new LossyProxy(proxyEnd, boardEnd, new LossyProxy.Faults(0, 0, loss), 42);
        TetherConnection host = TetherBoard.connect(ptys.a().toString(), 20, RESPONSE_TIMEOUT)) {
      host.attach(
          List.of(new PinSetup(13, PinMode.DIGITAL_OUT, 0)), Duration.ofSeconds(30), p -> {});
      for (int i = 0; i < 50; i++) { // warm-up: JIT, pty buffers
        roundTrip(host, reference, i);
      }
      long retriesBefore = host.counters().retries();
      double[] millis = new double[commands];
      for (int i = 0; i < commands; i++) {
        long start = System.nanoTime();
        roundTrip(host, reference, i);
        millis[i] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      double retries = host.counters().retries() - retriesBefore;
      results
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(
              new double[] {
                percentile(millis, 50), percentile(millis, 99), millis[commands - 1], retries
              });
    }
  }

  private static void roundTrip(TetherConnection host, boolean reference, int i) throws Exception {
    if (reference) {
      host.exchangeRaw(Request.read(13));
    } else {
      host.set(13, i % 2);
    }
  }

  private static double percentile(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static void print(String title, Map<String, List<double[]>> results, int index) {
    System.out.println("[bench] " + title);
    results.forEach(
        (name, list) -> {
          double[] r = list.get(index);
          System.out.printf(
              "[bench]   %-28s p50 %6.2f ms  p99 %7.2f ms  max %7.2f ms  retries %4.0f%n",
              name, r[0], r[1], r[2], r[3]);
        });
  }

  private static void printMedians(Map<String, List<double[]>> results, int runs, int commands) {
    double reference = median(results.values().iterator().next(), 0);
    System.out.printf(
        "[bench] machine: %d cores, %s %s; %d runs of %d round trips per scenario%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        runs,
        commands);
    System.out.println("[bench] medians of each column:");
    System.out.println("| scenario | p50 ms | p99 ms | max ms | retries | p50 / reference p50 |");
    System.out.println("|---|---|---|---|---|---|");
    results.forEach(
        (name, list) ->
            System.out.printf(
                "| %s | %.2f | %.2f | %.2f | %.0f | %.2f× |%n",
                name,
                median(list, 0),
                median(list, 1),
                median(list, 2),
                median(list, 3),
                median(list, 0) / reference));
  }

  private static double median(List<double[]> runs, int column) {
    double[] values = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return values[values.length / 2];
  }
}
