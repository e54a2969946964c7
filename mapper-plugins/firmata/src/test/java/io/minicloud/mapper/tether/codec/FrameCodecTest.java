package io.minicloud.mapper.tether.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's worked examples, round trips of every message, and what a receiver drops. */
class FrameCodecTest {

  @Test
  void theWorkedSetFrameOfTheSpec() {
    byte[] wire = FrameCodec.encode(Request.set(13, 1).frame(0x2A));
    assertEquals("05 01 2a 03 0d 04 01 cc 06 00", Hex.format(wire));
  }

  @Test
  void theWorkedAckOfTheSpecDecodes() {
    byte[] wire = Hex.parse("04 01 2a c0 07 01 c2 17 01 e1 83");
    TetherFrame frame = ok(wire);
    McuMessage ack = McuMessage.parse(frame).orElseThrow();
    assertEquals(0x2A, ack.seq());
    assertEquals(MessageType.ACK, ack.type());
    assertEquals(0x0001C217L, ack.nonce());
    assertTrue(ack.armed() && !ack.tripped());
  }

  @Test
  void theWorkedHeartbeatOfTheSpec() {
    assertEquals(
        "06 01 2b 05 03 e8 03 d3 f5 00",
        Hex.format(FrameCodec.encode(Request.heartbeat(1000, false).frame(0x2B))));
  }

  @Test
  void everyRequestRoundTrips() {
    List<Request> requests =
        List.of(
            Request.hello(),
            Request.configPin(13, PinMode.DIGITAL_OUT, 1),
            Request.set(2, 0),
            Request.read(19),
            Request.heartbeat(0, true));
    int seq = 1;
    for (Request r : requests) {
      TetherFrame frame = r.frame(seq++);
      byte[] wire = FrameCodec.encode(frame);
      assertEquals(0, wire[wire.length - 1]);
      assertEquals(frame, ok(Arrays.copyOf(wire, wire.length - 1)));
    }
  }

  @Test
  void corruptionAndForeignFramesAreDroppedWithTheirReason() {
    byte[] good = Hex.parse("05 01 2a 03 0d 04 01 cc 06");
    byte[] badCrc = good.clone();
    badCrc[7] ^= 0x01;
    assertEquals(DecodeResult.Error.BAD_CRC, error(badCrc));
    assertEquals(DecodeResult.Error.TOO_SHORT, error(Hex.parse("03 01 2a")));
    assertEquals(DecodeResult.Error.NOT_COBS, error(Hex.parse("09 01 2a")));
    assertEquals(DecodeResult.Error.TOO_LONG, error(new byte[TetherFrame.MAX_ENCODED + 1]));
    byte[] v2 = Cobs.encode(withCrc(2, 0x2A, 0x03, 13, 0, 1));
    assertEquals(DecodeResult.Error.UNSUPPORTED_VERSION, error(v2));
    byte[] unknown = Cobs.encode(withCrc(1, 0x2A, 0x7E));
    assertEquals(DecodeResult.Error.UNKNOWN_TYPE, error(unknown));
  }

  static byte[] withCrc(int... bytes) {
    byte[] p = new byte[bytes.length + 2];
    for (int i = 0; i < bytes.length; i++) {
      p[i] = (byte) bytes[i];
    }
    int crc = Crc16.of(p, 0, bytes.length);
    p[bytes.length] = (byte) (crc >>> 8);
    p[bytes.length + 1] = (byte) crc;
    return p;
  }

  private static TetherFrame ok(byte[] encoded) {
    return assertInstanceOf(DecodeResult.Ok.class, FrameCodec.decode(encoded)).frame();
  }

  private static DecodeResult.Error error(byte[] encoded) {
    return assertInstanceOf(DecodeResult.Failed.class, FrameCodec.decode(encoded)).error();
  }
}
