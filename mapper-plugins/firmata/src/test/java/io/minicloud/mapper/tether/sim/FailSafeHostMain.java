package io.minicloud.mapper.tether.sim;

import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.PinMode;
import java.time.Duration;
import java.util.List;

/**
 * The host of {@link HostKilledIT}, run as its own JVM so the test can kill it: configures three
 * outputs with safe values, drives each to the opposite level, says READY, then heartbeats until it
 * is killed.
 *
 * <p>Usage: {@code FailSafeHostMain PTY FAIL_SAFE_MS}
 */
public final class FailSafeHostMain {
  /** pin, safe value, commanded level (the opposite). */
  static final int[][] OUTPUTS = {{13, 0, 1}, {12, 1, 0}, {11, 0, 1}};

  private FailSafeHostMain() {}

  public static void main(String[] args) throws Exception {
    TetherConnection host = TetherBoard.connect(args[0], 3, Duration.ofMillis(200));
    host.attach(
        List.of(
            new PinSetup(13, PinMode.DIGITAL_OUT, 0),
            new PinSetup(12, PinMode.DIGITAL_OUT, 1),
            new PinSetup(11, PinMode.DIGITAL_OUT, 0)),
        Duration.ofMillis(Integer.parseInt(args[1])),
        pin -> {});
    for (int[] out : OUTPUTS) {
      host.set(out[0], out[2]);
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
