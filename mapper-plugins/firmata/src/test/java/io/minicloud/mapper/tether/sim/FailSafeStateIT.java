package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.codec.McuMessage;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.NackReason;
import io.minicloud.mapper.tether.codec.PinMode;
import io.minicloud.mapper.tether.codec.Request;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The firmware's fail-safe state machine, frame by frame: armed by a heartbeat, tripped by silence,
 * held until an explicit re-arm (a plain heartbeat cannot hide the trip), disarmed by a zero
 * timeout.
 */
@Tag("peer")
class FailSafeStateIT {
  private static final int TIMEOUT_MS = 100;

  @Test
  void silenceTripsAndOnlyAnExplicitReArmLeavesTheSafeState() throws Exception {
    try (VirtualBoard board = TetherBoard.start();
        RawTetherLine line = new RawTetherLine(TetherBoard.serial(board.pty()))) {
      // GIVEN pin 13 an output (safe 0), armed, driven high
      line.exchange(Request.hello().frame(1));
      line.ack(Request.configPin(13, PinMode.DIGITAL_OUT, 0).frame(2));
      assertTrue(line.ack(Request.heartbeat(TIMEOUT_MS, false).frame(3)).armed());
      line.ack(Request.set(13, 1).frame(4));
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));

      // WHEN the host falls silent, THEN the MCU drives the safe value on its own
      assertTrue(board.awaitLevel("B5", 0, Duration.ofSeconds(5)), board.history()::toString);

      // AND a plain heartbeat does not leave the trip: it reports it, and SETs are refused
      McuMessage plain = line.ack(Request.heartbeat(TIMEOUT_MS, false).frame(5));
      assertTrue(plain.tripped(), "status " + plain.status());
      McuMessage refused = line.exchange(Request.set(13, 1).frame(6));
      assertEquals(MessageType.NACK, refused.type());
      assertEquals(NackReason.FAILSAFE_ACTIVE, refused.nackReason());
      assertEquals(0, board.level("B5"));

      // WHEN the host re-arms, THEN SETs work again (and silence would trip again)
      assertTrue(line.ack(Request.heartbeat(TIMEOUT_MS, true).frame(7)).armed());
      line.ack(Request.set(13, 1).frame(8));
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));
      assertTrue(board.awaitLevel("B5", 0, Duration.ofSeconds(5)), "tripped again");

      // WHEN the host disarms (timeout 0), THEN silence no longer moves the output
      line.ack(Request.heartbeat(0, false).frame(9));
      line.ack(Request.set(13, 1).frame(10));
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));
      Thread.sleep(5L * TIMEOUT_MS);
      assertEquals(1, board.level("B5"));
    }
  }
}
