package io.minicloud.tetherbridge.northbound;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publish latency, enqueue to confirmation, as histogram buckets the metrics layer reads with
 * {@link #snapshot()}. The buckets reach 15 minutes: after an outage, the backlog's latency is the
 * outage, and that is worth seeing rather than lumping into "+Inf".
 */
public final class LatencyRecorder {
  /** Upper bounds (inclusive) of the buckets, in milliseconds; one more bucket holds the rest. */
  public static final long[] BOUNDS_MILLIS = {
    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000
  };

  private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS_MILLIS.length + 1);
  private final LongAdder count = new LongAdder();
  private final LongAdder sumMillis = new LongAdder();
  private final AtomicLong maxMillis = new AtomicLong();

  public void record(long millis) {
    long m = Math.max(0, millis);
    int i = Arrays.binarySearch(BOUNDS_MILLIS, m);
    buckets.incrementAndGet(i >= 0 ? i : -i - 1);
    count.increment();
    sumMillis.add(m);
    maxMillis.accumulateAndGet(m, Math::max);
  }

  public Snapshot snapshot() {
    long[] counts = new long[buckets.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = buckets.get(i);
    }
    return new Snapshot(counts, count.sum(), sumMillis.sum(), maxMillis.get());
  }

  /**
   * @param bucketCounts per bucket (not cumulative), the last one above the largest bound
   */
  public record Snapshot(long[] bucketCounts, long count, long sumMillis, long maxMillis) {
    /** Cumulative counts, as Prometheus' {@code le} buckets want them. */
    public long[] cumulative() {
      long[] out = bucketCounts.clone();
      for (int i = 1; i < out.length; i++) {
        out[i] += out[i - 1];
      }
      return out;
    }
  }
}
