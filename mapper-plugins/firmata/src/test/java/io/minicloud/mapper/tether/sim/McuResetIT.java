package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.PinMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The MCU resets (RAM cleared, every pin back to a high-impedance input): the host sees a new boot
 * nonce at its next heartbeat, re-applies the configuration and puts every output back at the level
 * it commanded.
 */
@Tag("peer")
class McuResetIT {

  @Test
  void aResetIsDetectedAndTheConfigurationReapplied() throws Exception {
    try (VirtualBoard board = TetherBoard.start();
        TetherConnection host = TetherBoard.connect(board.pty(), 3, Duration.ofMillis(200))) {
      // GIVEN two outputs driven away from their safe values
      host.attach(
          List.of(
              new PinSetup(13, PinMode.DIGITAL_OUT, 0),
              new PinSetup(12, PinMode.DIGITAL_OUT, 1),
              new PinSetup(14, PinMode.ANALOG_IN, 0)),
          Duration.ofMillis(1000),
          p -> {});
      host.set(13, 1);
      host.set(12, 0);
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));
      long nonceBefore = host.identity().nonce();

      // WHEN the MCU is reset
      long resetAt = System.nanoTime();
      board.reset();

      // THEN the heartbeat sees the new nonce and the host re-applies everything
      long deadline = resetAt + Duration.ofSeconds(10).toNanos();
      while (host.counters().restores() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long restoredMs = (System.nanoTime() - resetAt) / 1_000_000;
      assertEquals(2, host.counters().restores(), "attach + one restore: " + host.counters());
      // AND the MCU drove the outputs again: the configuration (safe value) then the command
      List<String> afterReset =
          board.history().stream()
              .filter(e -> e.nanoTime() >= resetAt)
              .map(e -> e.pin() + "=" + e.level())
              .toList();
      System.out.println("[McuResetIT] pin changes after the reset: " + afterReset);
      assertTrue(afterReset.contains("B5=1") && afterReset.contains("B4=0"), afterReset::toString);
      assertEquals(1, board.level("B5"));
      assertEquals(0, board.level("B4"));
      long nonceAfter = host.identity().nonce();
      System.out.printf(
          "[McuResetIT] nonce %08x -> %08x, outputs restored %d ms after the reset; %s%n",
          nonceBefore, nonceAfter, restoredMs, host.counters());
      assertNotEquals(nonceBefore, nonceAfter);
      // simavr keeps EEPROM across a reset, so the boot counter (high 16 bits) moved on by one
      assertEquals((nonceBefore >>> 16) + 1, nonceAfter >>> 16);
      assertEquals(2, host.counters().restores(), "attach + one restore");
      // AND the re-configured analog input reads again
      board.analogInput(0, 1000);
      int adc = host.read(14);
      assertTrue(Math.abs(adc - 205) <= 2, "1.0 V reads " + adc);
    }
  }
}
