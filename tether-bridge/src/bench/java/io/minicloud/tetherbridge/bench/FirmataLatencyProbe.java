package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;

/**
 * Steps A0 of an emulated board between two voltages and times each step until an observer (the
 * MQTT subscriber, or a bare decoder on the pty) reports the new value. Observers put {@code
 * (arrival nanoTime, value)} into {@link #arrivals}.
 */
final class FirmataLatencyProbe {
  /** One observed value and when it arrived ({@link System#nanoTime()}). */
  record Arrival(long nanos, double value) {}

  static final int LOW_MV = 1000;
  static final int HIGH_MV = 4000;

  final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private final Random pauses = new Random(7);

  /**
   * Counts the firmware reports for {@code millivolts}: simavr's ADC truncates {@code mV × 1023 /
   * 5000} (2500 mV reads 511, 1234 mV reads 252, as StandardFirmataIT and the firmata4j cross-check
   * saw).
   */
  static int counts(int millivolts) {
    return (int) (millivolts * 1023L / 5000);
  }

  /**
   * @param matches whether an observed value is the one the step set (counts or volts)
   * @return one latency per step in microseconds; a step not seen within 5 s is left out and
   *     counted in {@code lost[0]}
   */
  long[] run(VirtualBoard board, int steps, StepValue matches, int[] lost) throws Exception {
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      int mv = i % 2 == 0 ? HIGH_MV : LOW_MV;
      DoublePredicate expected = matches.of(mv);
      arrivals.clear();
      long start = System.nanoTime();
      board.analogInput(0, mv);
      long deadline = start + TimeUnit.SECONDS.toNanos(5);
      boolean seen = false;
      while (!seen && System.nanoTime() < deadline) {
        Arrival a = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (a != null && a.nanos() >= start && expected.test(a.value())) {
          micros.add((a.nanos() - start) / 1000);
          seen = true;
        }
      }
      if (!seen) {
        lost[0]++;
      }
      Thread.sleep(20 + pauses.nextInt(20)); // off the sampling grid, so phases spread
    }
    return micros.stream().mapToLong(Long::longValue).toArray();
  }

  /** How an observer spells the value a step of {@code millivolts} must produce. */
  @FunctionalInterface
  interface StepValue {
    DoublePredicate of(int millivolts);
  }
}
