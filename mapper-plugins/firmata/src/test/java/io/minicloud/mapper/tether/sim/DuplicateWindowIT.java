package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.codec.FrameCodec;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.PinMode;
import io.minicloud.mapper.tether.codec.Request;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The firmware's exactly-once rule, frame by frame: a retransmitted SET (same seq, same CRC) is
 * answered but not executed again, even after a newer command; the same seq with other content is a
 * new command.
 */
@Tag("peer")
class DuplicateWindowIT {

  @Test
  void aStaleRetransmissionIsAcknowledgedButNeverAppliedAgain() throws Exception {
    try (VirtualBoard board = TetherBoard.start();
        RawTetherLine line = new RawTetherLine(TetherBoard.serial(board.pty()))) {
      // GIVEN pins 13 and 12 as outputs (safe 0)
      assertEquals(MessageType.IDENTITY, line.exchange(Request.hello().frame(1)).type());
      line.ack(Request.configPin(13, PinMode.DIGITAL_OUT, 0).frame(2));
      line.ack(Request.configPin(12, PinMode.DIGITAL_OUT, 0).frame(3));

      // WHEN SET 13=1 (seq 4), then SET 13=0 (seq 5), then the seq-4 frame arrives again
      byte[] setHigh = FrameCodec.encode(Request.set(13, 1).frame(4));
      line.ack(setHigh);
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));
      line.ack(Request.set(13, 0).frame(5));
      assertTrue(board.awaitLevel("B5", 0, Duration.ofSeconds(5)));
      int changes = board.history().size();
      line.ack(setHigh);
      line.ack(setHigh);

      // THEN it is acknowledged (its outcome remembered) but pin 13 stays low
      Thread.sleep(200);
      assertEquals(0, board.level("B5"));
      assertEquals(changes, board.history().size(), board.history()::toString);

      // AND seq 4 with other content (pin 12) is a new command, executed
      line.ack(Request.set(12, 1).frame(4));
      assertTrue(board.awaitLevel("B4", 1, Duration.ofSeconds(5)), board.history()::toString);
      assertEquals(0, board.level("B5"));
    }
  }
}
