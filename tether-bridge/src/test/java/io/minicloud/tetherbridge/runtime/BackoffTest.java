package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delaysGrowExponentiallyWithinTheirCeilingAndStopAtMax() {
    // GIVEN 100 ms doubling to 2 s
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, new Random(7));
    long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000};
    for (long ceiling : ceilings) {
      // WHEN the next delay is drawn
      assertEquals(ceiling, backoff.ceilingMillis());
      long delay = backoff.nextDelayMillis();
      // THEN it is jittered between a tenth of the ceiling and the ceiling
      assertTrue(delay >= ceiling / 10 && delay <= ceiling, delay + " outside " + ceiling);
    }
  }

  @Test
  void jitterSpreadsAFleetOfReconnects() {
    Random random = new Random(1);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 200; i++) {
      Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofSeconds(30), 2, random);
      long d = b.nextDelayMillis();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertTrue(max - min > 500, "200 gateways must not retry within the same instant");
  }

  @Test
  void resetStartsOver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 2, new Random(7));
    backoff.nextDelayMillis();
    backoff.nextDelayMillis();
    backoff.reset();
    assertEquals(100, backoff.ceilingMillis());
    assertEquals(0, backoff.attempts());
  }

  @Test
  void nonsenseSettingsAreRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, new Random()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, new Random()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, new Random()));
  }
}
