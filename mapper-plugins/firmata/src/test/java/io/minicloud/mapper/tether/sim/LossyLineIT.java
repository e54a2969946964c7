package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.peers.PtyPair;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.firmata.sim.VirtualBoard.PinEvent;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.PinMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line that drops and corrupts bytes both ways (a proxy between the host's socat pty pair and the
 * board's pty): every SET is eventually acknowledged through retries, and the pin's history is
 * exactly the commanded levels in command order — no wrong level, no stale command applied again.
 */
@Tag("peer")
class LossyLineIT {
  private static final int COMMANDS = 300;

  @TempDir Path dir;

  @Test
  void everySetIsAppliedExactlyInCommandOrderDespiteLoss() throws Exception {
    assumeTrue((PtyPair.unavailable() == null), "socat is installed");
    try (VirtualBoard board = TetherBoard.start();
        PtyPair ptys = PtyPair.start(dir, "line");
        LossyProxy proxy =
            new LossyProxy(
                TetherBoard.serial(ptys.b().toString()),
                TetherBoard.serial(board.pty()),
                new LossyProxy.Faults(0.01, 0.01, 0),
                20261123L);
        TetherConnection host =
            TetherBoard.connect(ptys.a().toString(), 12, Duration.ofMillis(150))) {
      // GIVEN pin 13 configured through the lossy line (fail-safe long enough not to trip)
      host.attach(
          List.of(new PinSetup(13, PinMode.DIGITAL_OUT, 0)), Duration.ofSeconds(20), p -> {});
      long start = System.nanoTime();

      // WHEN 300 SETs alternate the level
      List<Integer> commanded = new ArrayList<>();
      for (int i = 0; i < COMMANDS; i++) {
        int level = (i + 1) % 2;
        host.set(13, level); // throws if every retry failed
        commanded.add(level);
      }
      assertTrue(board.awaitLevel("B5", commanded.get(COMMANDS - 1), Duration.ofSeconds(5)));
      Thread.sleep(300); // late duplicates would land now

      // THEN the pin went through exactly the commanded levels, in order
      List<Integer> applied =
          board.history().stream()
              .filter(e -> e.pin().equals("B5") && e.nanoTime() >= start)
              .map(PinEvent::level)
              .toList();
      assertEquals(commanded, applied);
      // AND the line really was lossy, and retries carried the commands through
      System.out.printf(
          "[LossyLineIT] %d commands; proxy copied %d bytes, dropped %d, corrupted %d; host %s%n",
          COMMANDS, proxy.copied(), proxy.dropped(), proxy.corrupted(), host.counters());
      assertTrue(proxy.dropped() > 0 && proxy.corrupted() > 0);
      assertTrue(host.counters().retries() > 0, host.counters().toString());
      assertEquals(0, host.counters().failures());
      assertNull(proxy.failure());
    }
  }
}
