package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.californium.core.coap.CoAP;

/**
 * CoAP Observe through the bridge: notifications handled per second and notification → MQTT
 * delivery latency, against a bare Californium client observing the same kind of server (the
 * reference, for a ratio). A fresh {@link CoapBenchServer} per measurement notifies as fast as
 * Californium allows, with CON and with NON notifications; each measurement warms up first.
 *
 * <p>{@code ./mvnw -B verify -Pbench -pl tether-bridge -Dbench.only=coap [-Dbench.runs=3
 * -Dbench.seconds=5]}
 */
public final class CoapObserveBench {
  private static final int MAX_SAMPLES = 2_000_000;

  private CoapObserveBench() {}

  /** One measurement: rates and latencies. */
  record Sample(double handledPerSecond, double builtPerSecond, long[] micros) {}

  public static void main(String[] args) throws Exception {
    if (!BenchSelection.includes("coap")) {
      return;
    }
    int runs = Integer.getInteger("bench.runs", 3);
    int seconds = Integer.getInteger("bench.seconds", 5);
    if (!MosquittoPeer.installed()) {
      System.out.println("coap bench: mosquitto is not installed (shared/PEERS.md); skipped");
      return;
    }
    String loadBefore = Stats.loadAverage();
    Path dir = Files.createTempDirectory("coap-bench");
    ObjectMapper json = new ObjectMapper();
    StringBuilder report = new StringBuilder();
    try (MosquittoPeer broker =
        MosquittoPeer.start(dir.resolve("broker"), MosquittoPeer.Mode.PLAIN)) {
      CoapNotificationSink sink = new CoapNotificationSink();
      try (CoapBenchSubscriber subscriber = new CoapBenchSubscriber(broker.uri(), sink)) {
        for (CoAP.Type type : new CoAP.Type[] {CoAP.Type.NON, CoAP.Type.CON}) {
          Sample[] bare = new Sample[runs];
          Sample[] bridge = new Sample[runs];
          for (int r = 0; r < runs; r++) { // alternating, so drift hits both alike
            bare[r] = measure(type, seconds, sink, uri -> CoapObservePaths.bare(uri, sink));
            Path runDir = dir.resolve(type + "-" + r);
            bridge[r] =
                measure(
                    type,
                    seconds,
                    sink,
                    uri -> CoapObservePaths.bridge(runDir, uri, broker.uri(), json));
          }
          table(report, type, bare, bridge);
        }
      }
    }
    System.out.printf(
        "%ntether-bridge CoAP observe bench%n"
            + "command: ./mvnw -B verify -Pbench -pl tether-bridge -Dbench.only=coap"
            + " -Dbench.runs=%d -Dbench.seconds=%d%n"
            + "machine: %s; load average %s at start, %s at end%n"
            + "runs inside Maven's JVM (exec:java); broker: MosquittoPeer PLAIN on loopback%n%n%s",
        runs, seconds, Stats.machine(), loadBefore, Stats.loadAverage(), report);
  }

  interface Path0 {
    AutoCloseable open(String coapUri) throws Exception;
  }

  private static Sample measure(CoAP.Type type, int seconds, CoapNotificationSink sink, Path0 path)
      throws Exception {
    try (CoapBenchServer server = new CoapBenchServer(type)) {
      try (AutoCloseable observer = path.open(server.uri())) {
        server.startNotifying();
        Thread.sleep(2000); // warm-up: JIT, first registration, queue
        sink.start(MAX_SAMPLES);
        long builtBefore = server.built();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long handled = sink.count();
        long built = server.built() - builtBefore;
        long[] micros = sink.latenciesMicros();
        server.stopNotifying();
        return new Sample(handled / elapsed, built / elapsed, micros);
      }
    }
  }

  private static void table(StringBuilder out, CoAP.Type type, Sample[] bare, Sample[] bridge) {
    out.append(
        String.format(
            "%s notifications (server: Californium /counter, changed() as soon as the last one was sent)%n"
                + "| run | reference: bare Californium client notif/s | p50 ms | p99 ms"
                + " | bridge → MQTT msg/s | p50 ms | p99 ms | server built/s (bridge run) |%n"
                + "|---|---|---|---|---|---|---|---|%n",
            type));
    double[] b = new double[bare.length];
    double[] g = new double[bare.length];
    double[] bp50 = new double[bare.length];
    double[] bp99 = new double[bare.length];
    double[] gp50 = new double[bare.length];
    double[] gp99 = new double[bare.length];
    for (int r = 0; r < bare.length; r++) {
      b[r] = bare[r].handledPerSecond();
      g[r] = bridge[r].handledPerSecond();
      bp50[r] = percentile(bare[r].micros(), 50);
      bp99[r] = percentile(bare[r].micros(), 99);
      gp50[r] = percentile(bridge[r].micros(), 50);
      gp99[r] = percentile(bridge[r].micros(), 99);
      out.append(
          String.format(
              "| %d | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.0f |%n",
              r + 1, b[r], bp50[r], bp99[r], g[r], gp50[r], gp99[r], bridge[r].builtPerSecond()));
    }
    out.append(
        String.format(
            "| **median** | **%.0f** | %.2f | %.2f | **%.0f** | %.2f | %.2f | |%n"
                + "ratio bridge/reference (medians): %.2f%n%n",
            Stats.median(b),
            Stats.median(bp50),
            Stats.median(bp99),
            Stats.median(g),
            Stats.median(gp50),
            Stats.median(gp99),
            Stats.median(g) / Stats.median(b)));
  }

  private static double percentile(long[] micros, double p) {
    if (micros.length == 0) {
      return Double.NaN;
    }
    return Stats.percentile(Arrays.stream(micros).mapToDouble(us -> us / 1000.0).toArray(), p);
  }
}
