package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.modbus.peers.Mbpoll;
import io.minicloud.mapper.modbus.peers.PymodbusPeer;
import io.minicloud.tetherbridge.it.BridgeUnderTest;
import io.minicloud.tetherbridge.it.ModbusDeviceYaml;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads per second of 10 holding registers from ONE pymodbus slave, in the same run: (a) a tight
 * shell-style loop of {@code mbpoll -1} processes, (b) mbpoll in its own polling mode at its
 * shortest poll rate (10 ms), (c) the bridge (the real runtime, one device whose 10 properties
 * merge into one request, collect cycle 1 ms). Prints numbers and their medians; it never fails on
 * timing (docs/PERFORMANCE.md).
 *
 * <p>{@code ./mvnw -B verify -Pbench -pl tether-bridge [-Dbench.runs=5 -Dbench.seconds=3
 * -Dbench.rtu=true]}
 */
public final class ModbusPollRateBench {
  private static final int REGISTERS = 10;

  /** mbpoll refuses poll rates under 10 ms ("-l # Poll rate in ms, ( > 10 ...)"). */
  private static final int MBPOLL_MIN_POLL_MS = 10;

  private final Path dir;
  private final Duration window;

  private ModbusPollRateBench(Path dir, Duration window) {
    this.dir = dir;
    this.window = window;
  }

  /** One slave to measure against: how mbpoll and the bridge reach it. */
  private record Target(String name, List<String> mbpollArgs, String deviceConfig) {}

  /**
   * One run: the three rates, and for the bridge the mean time from sending a request to the last
   * byte of its reply, and the share of the time the link carried a request.
   */
  private record Run(double loop, double poll, double bridge, double exchangeMs, double busy) {}

  /** What the bridge measured. */
  private record BridgeRate(double reads, double exchangeMs, double busy) {}

  /** Kept referenced: the runtime's INFO line per applied set would clutter the table. */
  private static final Logger RUNTIME_LOG = Logger.getLogger(BridgeRuntime.class.getName());

  public static void main(String[] args) throws Exception {
    if (!BenchSelection.includes("modbus")) {
      return;
    }
    RUNTIME_LOG.setLevel(Level.WARNING);
    int runs = Integer.getInteger("bench.runs", 5);
    double seconds = Double.parseDouble(System.getProperty("bench.seconds", "3"));
    boolean rtu = Boolean.parseBoolean(System.getProperty("bench.rtu", "true"));
    String missing = PymodbusPeer.missing(rtu ? PymodbusPeer.Mode.RTU : PymodbusPeer.Mode.TCP);
    if (missing != null || !Mbpoll.installed()) {
      System.out.println(
          "ModbusPollRateBench skipped: " + (missing != null ? missing : "no mbpoll"));
      return;
    }
    Path dir = Files.createTempDirectory("modbus-poll-rate-bench");
    ModbusPollRateBench bench =
        new ModbusPollRateBench(dir, Duration.ofMillis((long) (seconds * 1000)));
    System.out.printf(
        Locale.ROOT,
        "ModbusPollRateBench: %d runs of %.1f s per method; %d holding registers per read;"
            + " pymodbus %s slave; %d cores%n",
        runs,
        seconds,
        REGISTERS,
        "3.0",
        Runtime.getRuntime().availableProcessors());
    bench.measure(PymodbusPeer.Mode.TCP, runs);
    if (rtu) {
      bench.measure(PymodbusPeer.Mode.RTU, runs);
    }
  }

  private void measure(PymodbusPeer.Mode mode, int runs) throws Exception {
    PymodbusPeer.Builder builder = PymodbusPeer.builder(dir.resolve(mode.configName()), mode);
    int[] values = new int[REGISTERS];
    for (int i = 0; i < REGISTERS; i++) {
      values[i] = 100 + i;
    }
    try (PymodbusPeer peer = builder.holding(1, 0, values).start()) {
      Target target =
          mode == PymodbusPeer.Mode.TCP
              ? new Target(
                  "tcp",
                  concat(Mbpoll.tcp(peer.port(), 1), "127.0.0.1"),
                  "{ip: 127.0.0.1, port: " + peer.port() + ", slaveID: 1, timeout: 1000}")
              : new Target(
                  "rtu",
                  concat(Mbpoll.rtu(1), peer.serialDevice().toString()),
                  "{serialPort: "
                      + peer.serialDevice()
                      + ", baudRate: 19200, parity: none, slaveID: 1, timeout: 1000}");
      // warm-up: JIT the runtime and the plugin, start mbpoll once
      bridge(target, Duration.ofSeconds(3));
      mbpollLoop(target, Duration.ofMillis(500));
      List<Run> results = new ArrayList<>();
      for (int i = 1; i <= runs; i++) {
        double loop = mbpollLoop(target, window);
        double poll = mbpollPolling(target, window);
        BridgeRate bridge = bridge(target, window);
        Run run = new Run(loop, poll, bridge.reads(), bridge.exchangeMs(), bridge.busy());
        results.add(run);
        print(target.name() + " run " + i, run);
      }
      Run median =
          new Run(
              median(results.stream().mapToDouble(Run::loop).toArray()),
              median(results.stream().mapToDouble(Run::poll).toArray()),
              median(results.stream().mapToDouble(Run::bridge).toArray()),
              median(results.stream().mapToDouble(Run::exchangeMs).toArray()),
              median(results.stream().mapToDouble(Run::busy).toArray()));
      print(target.name() + " median", median);
      System.out.printf(
          Locale.ROOT,
          "%s: %.2f ms per bridge read, of which %.2f ms request-reply on the link (%.0f %% busy);"
              + " the rest is %s%n",
          target.name(),
          1000 / median.bridge(),
          median.exchangeMs(),
          100 * median.busy(),
          mode == PymodbusPeer.Mode.RTU
              ? "the RTU inter-request delay (3.5 characters, at least 2 ms: the plugin's default)"
              : "waiting for the next collect cycle (1 ms, the shortest a device file can set)");
    }
  }

  private static void print(String label, Run run) {
    System.out.printf(
        Locale.ROOT,
        "%-11s mbpoll -1 loop %6.1f reads/s | mbpoll -l %d %6.1f reads/s | bridge %7.1f reads/s"
            + " (request-reply %.2f ms) | bridge/loop %5.2fx | bridge/poll %5.2fx%n",
        label,
        run.loop(),
        MBPOLL_MIN_POLL_MS,
        run.poll(),
        run.bridge(),
        run.exchangeMs(),
        run.bridge() / run.loop(),
        run.bridge() / run.poll());
  }

  /** (a) one mbpoll process per read, back to back, as a shell loop does. */
  private double mbpollLoop(Target target, Duration duration)
      throws IOException, InterruptedException {
    List<String> command = mbpoll(target, "-1");
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    int reads = 0;
    while (System.nanoTime() - end < 0) {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() == 0) {
        reads++;
      }
    }
    return reads / ((System.nanoTime() - start) / 1e9);
  }

  /** (b) mbpoll's own polling loop at its shortest rate; completed reads counted as printed. */
  private double mbpollPolling(Target target, Duration duration)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (PeerProcess.onPath("stdbuf")) {
      command.addAll(List.of("stdbuf", "-oL")); // line-buffered, so lines arrive as they happen
    }
    command.addAll(mbpoll(target, "-l", Integer.toString(MBPOLL_MIN_POLL_MS)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = "[" + (REGISTERS - 1) + "]:";
    long first = 0;
    long latest = 0;
    int reads = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith(last)) {
          continue;
        }
        long now = System.nanoTime();
        if (first == 0) {
          first = now; // the clock starts at the first completed read
        } else {
          reads++;
          latest = now;
        }
        if (now - first >= duration.toNanos()) {
          break;
        }
      }
    } finally {
      p.destroy();
      p.waitFor();
    }
    return reads == 0 ? 0 : reads / ((latest - first) / 1e9);
  }

  /** (c) the bridge: one device, 10 properties merged into one request, collect cycle 1 ms. */
  private BridgeRate bridge(Target target, Duration duration) throws Exception {
    List<String> model = new ArrayList<>();
    List<ModbusDeviceYaml.Property> properties = new ArrayList<>();
    for (int i = 0; i < REGISTERS; i++) {
      model.add("{name: r" + i + ", type: INT, accessMode: ReadOnly}");
      properties.add(
          ModbusDeviceYaml.property(
              "r" + i, 1, "{register: HoldingRegister, offset: " + i + ", limit: 1}"));
    }
    ModbusDeviceYaml files =
        new ModbusDeviceYaml()
            .model("bench-model", model.toArray(String[]::new))
            .device(
                "bench-1",
                "bench-model",
                target.deviceConfig(),
                properties.toArray(ModbusDeviceYaml.Property[]::new));
    try (BridgeUnderTest bridge =
        new BridgeUnderTest(dir.resolve("bridge-" + target.name()), RuntimeSettings.defaults())) {
      bridge.apply(files);
      BridgeUnderTest.await(
          "bench device online",
          Duration.ofSeconds(30),
          () -> bridge.status("bench-1").health() == DeviceHealth.ONLINE);
      String link = bridge.runtime().links().get(0).id();
      long requests = bridge.metrics().requests(link);
      long reads = bridge.metrics().reads("bench-1");
      long busy = bridge.metrics().busyNanos(link);
      long start = System.nanoTime();
      Thread.sleep(duration.toMillis());
      double elapsed = (System.nanoTime() - start) / 1e9;
      long requested = bridge.metrics().requests(link) - requests;
      long read = bridge.metrics().reads("bench-1") - reads;
      double busyNanos = bridge.metrics().busyNanos(link) - busy;
      if (Math.abs(read - requested * REGISTERS) > 2 * REGISTERS) {
        System.out.printf(
            "  note: %d requests but %d properties read (errors: the rate counts requests)%n",
            requested, read);
      }
      return new BridgeRate(
          requested / elapsed,
          requested == 0 ? 0 : busyNanos / requested / 1e6,
          busyNanos / 1e9 / elapsed);
    }
  }

  private static List<String> mbpoll(Target target, String... mode) {
    List<String> command = new ArrayList<>(List.of("mbpoll"));
    List<String> args = target.mbpollArgs();
    command.addAll(args.subList(0, args.size() - 1));
    command.addAll(List.of("-0", "-r", "0", "-c", Integer.toString(REGISTERS), "-t", "4"));
    command.addAll(List.of(mode));
    command.add(args.get(args.size() - 1));
    return command;
  }

  private static List<String> concat(List<String> args, String target) {
    List<String> all = new ArrayList<>(args);
    all.add(target);
    return all;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
