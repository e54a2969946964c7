package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
  private static final long S = 1_000_000_000L;
  private final CircuitBreaker breaker =
      new CircuitBreaker(3, Duration.ofSeconds(5), Duration.ofSeconds(20));

  @Test
  void opensAfterThresholdConsecutiveFailures() {
    assertFalse(breaker.failure(0));
    assertFalse(breaker.failure(1));
    assertTrue(breaker.failure(2), "third failure opens");
    assertEquals(CircuitBreaker.State.OPEN, breaker.state());
    assertFalse(breaker.allows(2 + 4 * S), "still open before 5 s");
  }

  @Test
  void aSuccessInBetweenResetsTheCount() {
    breaker.failure(0);
    breaker.failure(1);
    breaker.success();
    assertFalse(breaker.failure(2));
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
  }

  @Test
  void halfOpenProbeClosesOnSuccessAndReopensLongerOnFailure() {
    for (int i = 0; i < 3; i++) {
      breaker.failure(0);
    }
    // WHEN the open time is over, one probe goes through
    assertTrue(breaker.allows(5 * S));
    assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
    // AND it fails: open again, for twice as long
    assertTrue(breaker.failure(5 * S));
    assertEquals(15 * S, breaker.openUntil());
    assertTrue(breaker.allows(15 * S));
    breaker.failure(15 * S);
    assertEquals(15 * S + 20 * S, breaker.openUntil(), "capped at 20 s");
    // WHEN a probe succeeds THEN closed and counting from zero
    assertTrue(breaker.allows(35 * S));
    breaker.success();
    assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    assertEquals(0, breaker.consecutiveFailures());
  }
}
