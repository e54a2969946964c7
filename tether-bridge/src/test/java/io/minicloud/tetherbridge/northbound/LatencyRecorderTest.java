package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void sortsLatenciesIntoInclusiveBucketsAndKeepsCountSumAndMax() {
    // GIVEN latencies at, between and beyond the bounds
    LatencyRecorder recorder = new LatencyRecorder();
    long[] samples = {0, 5, 6, 1_000, 60_001, 2_000_000};

    // WHEN recorded
    for (long s : samples) {
      recorder.record(s);
    }
    LatencyRecorder.Snapshot snap = recorder.snapshot();

    // THEN each sits in the first bucket whose bound is >= it, the last in the overflow bucket
    long[] expected = new long[LatencyRecorder.BOUNDS_MILLIS.length + 1];
    expected[0] = 2; // 0 and 5
    expected[1] = 1; // 6 -> <= 10
    expected[7] = 1; // 1000 -> <= 1000
    expected[13] = 1; // 60001 -> <= 300000
    expected[15] = 1; // beyond 900000
    assertArrayEquals(expected, snap.bucketCounts());
    assertEquals(6, snap.count());
    assertEquals(2_061_012, snap.sumMillis());
    assertEquals(2_000_000, snap.maxMillis());
    assertEquals(6, snap.cumulative()[expected.length - 1]);
    assertEquals(3, snap.cumulative()[1]);
  }
}
