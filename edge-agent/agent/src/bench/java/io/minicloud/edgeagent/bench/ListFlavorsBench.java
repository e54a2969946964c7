package io.minicloud.edgeagent.bench;

import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.edgeagent.rear.RearClientKit;
import io.minicloud.edgeagent.rear.RearTestKit;
import io.minicloud.edgeagent.rear.StaticInventory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * REAR ListFlavors at 1,000 flavors (500 nodes' K8Slices, 500 services) on the plain FLUIDOS
 * listener of a real provider, unfiltered and filtered, beside the trivial {@code /api/v2/keys} of
 * the same listener in the same run. Load from closed-loop HTTP/1.1 clients in this JVM (one JDK
 * HttpClient and thread per connection), so client cost is in every number, the reference's too.
 */
public final class ListFlavorsBench {

  private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 4);

  private ListFlavorsBench() {}

  record Result(String name, double perSecond, double p50, double p99, double max, int bodyBytes) {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("rear-bench");
    try (RearClientKit kit = new RearClientKit(dir, new StaticInventory(inventory()))) {
      String[][] endpoints = {
        {"trivial /api/v2/keys", "/api/v2/keys"},
        {"all 1,000 (/api/v2/flavors)", "/api/v2/flavors"},
        {
          "k8slice cpu>=2, memory>=4Gi",
          "/api/v2/flavors/k8slice?filter[cpu][range][min]=2&filter[memory][range][min]=4Gi"
        },
        {"service tags=tag-7", "/api/v2/flavors/service?filter[tags][match]=tag-7"},
      };
      int listed = RearClientKit.flavors(kit.get(kit.plain("/api/v2/flavors"), false)).length;
      System.out.printf("flavors listed: %d%n", listed);
      if (listed != 1000) {
        throw new IllegalStateException("expected 1,000 flavors, the provider lists " + listed);
      }
      for (int concurrency : new int[] {CONNECTIONS, 1}) {
        List<List<Result>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
          List<Result> results = new ArrayList<>();
          for (String[] e : endpoints) {
            results.add(measure(e[0], kit.plain(e[1]), concurrency));
          }
          runs.add(results);
          print("run " + (run + 1) + ", " + concurrency + " connection(s)", results);
        }
        print("MEDIAN of " + RUNS + " runs, " + concurrency + " connection(s)", median(runs));
      }
    }
  }

  private static InventorySnapshot inventory() {
    List<NodeRecord> nodes = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      nodes.add(
          RearTestKit.node("node-" + i, String.valueOf(2 + i % 6), (4 + i % 12) + "Gi", "110"));
    }
    List<ServiceRecord> services = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      ServiceRecord b = RearTestKit.broker();
      services.add(
          new ServiceRecord(
              "svc-" + i,
              b.kind(),
              b.description(),
              b.category(),
              List.of("tag-" + (i % 50), "mqtt"),
              b.endpoint(),
              b.hostingPolicies(),
              b.configurationTemplate(),
              true));
    }
    return new InventorySnapshot(Instant.now(), true, false, nodes, List.of(), services);
  }

  private static Result measure(String name, String url, int connections) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    int[] bytes = new int[1];
    // warm-up, then the measured period
    for (int phase = 0; phase < 2; phase++) {
      long end = System.nanoTime() + (phase == 0 ? 3L : SECONDS) * 1_000_000_000L;
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        futures.add(
            pool.submit(
                () -> {
                  HttpClient client =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  long[] lat = new long[1 << 16];
                  int n = 0;
                  while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long t = System.nanoTime() - t0;
                    if (r.statusCode() != 200) {
                      throw new IllegalStateException(url + " answered " + r.statusCode());
                    }
                    bytes[0] = r.body().length;
                    if (n == lat.length) {
                      lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t;
                  }
                  return Arrays.copyOf(lat, n);
                }));
      }
      if (phase == 1) {
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
          all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
            name,
            merged.length / (double) SECONDS,
            ms(merged, 0.50),
            ms(merged, 0.99),
            merged[merged.length - 1] / 1e6,
            bytes[0]);
      }
      for (Future<long[]> f : futures) {
        f.get();
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }

  private static List<Result> median(List<List<Result>> runs) {
    List<Result> out = new ArrayList<>();
    for (int i = 0; i < runs.get(0).size(); i++) {
      int k = i;
      out.add(
          new Result(
              runs.get(0).get(i).name(),
              med(runs.stream().mapToDouble(r -> r.get(k).perSecond()).toArray()),
              med(runs.stream().mapToDouble(r -> r.get(k).p50()).toArray()),
              med(runs.stream().mapToDouble(r -> r.get(k).p99()).toArray()),
              med(runs.stream().mapToDouble(r -> r.get(k).max()).toArray()),
              runs.get(0).get(i).bodyBytes()));
    }
    return out;
  }

  private static double med(double[] v) {
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static void print(String title, List<Result> results) {
    double reference = results.get(0).perSecond();
    System.out.println("== " + title);
    System.out.printf(
        "%-32s %10s %8s %8s %8s %9s %8s%n",
        "endpoint", "req/s", "p50 ms", "p99 ms", "max ms", "body B", "ratio");
    for (Result r : results) {
      System.out.printf(
          "%-32s %10.0f %8.2f %8.2f %8.1f %9d %8.2f%n",
          r.name(),
          r.perSecond(),
          r.p50(),
          r.p99(),
          r.max(),
          r.bodyBytes(),
          r.perSecond() / reference);
    }
  }
}
