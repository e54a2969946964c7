package io.minicloud.mapper.tether.codec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile bytes into the host's decoder: it never throws, stays bounded, and never turns a
 * corrupted frame into a different valid one when CRC-16 guarantees detection (1 and 2 bit errors,
 * any burst up to 16 bits).
 */
class DecoderFuzzTest {
  private static final List<byte[]> VALID =
      List.of(
          FrameCodec.encode(Request.set(13, 1).frame(42)),
          FrameCodec.encode(Request.heartbeat(1000, true).frame(7)),
          FrameCodec.encode(
              TetherFrame.of(9, MessageType.REPORT, new byte[] {0, 1, 2, 3, 1, 14, 2, 0})));

  @Test
  void randomBytesNeverThrowAndTheSplitterStaysBounded() {
    Random random = new Random(2026);
    FrameSplitter splitter = new FrameSplitter();
    for (int i = 0; i < 20_000; i++) {
      byte[] noise = new byte[random.nextInt(200)];
      random.nextBytes(noise);
      for (byte[] frame : splitter.feed(noise, 0, noise.length)) {
        assertTrue(frame.length <= TetherFrame.MAX_ENCODED);
        FrameCodec.decode(frame); // must not throw
      }
      FrameCodec.decode(noise);
    }
  }

  @Test
  void everyOneAndTwoBitFlipAndShortBurstIsDetected() {
    for (byte[] wire : VALID) {
      byte[] encoded = Arrays.copyOf(wire, wire.length - 1);
      byte[] payload = Cobs.decode(encoded, 0, encoded.length, 64).orElseThrow();
      int bits = payload.length * 8;
      for (int a = 0; a < bits; a++) {
        for (int b = a; b < bits; b++) {
          byte[] p = payload.clone();
          flip(p, a);
          if (b != a) {
            flip(p, b);
          }
          assertFalse(FrameCodec.decode(Cobs.encode(p)) instanceof DecodeResult.Ok, a + "," + b);
        }
        for (int burst = 0x01; burst <= 0xFFFF && a + 16 <= bits; burst += 97) {
          byte[] p = payload.clone();
          for (int k = 0; k < 16; k++) {
            if ((burst >>> k & 1) != 0) {
              flip(p, a + k);
            }
          }
          assertFalse(FrameCodec.decode(Cobs.encode(p)) instanceof DecodeResult.Ok);
        }
      }
    }
  }

  @Test
  void truncatedAndOversizeFramesAreDropped() {
    for (byte[] wire : VALID) {
      for (int len = 0; len < wire.length - 1; len++) {
        assertFalse(FrameCodec.decode(Arrays.copyOf(wire, len)) instanceof DecodeResult.Ok);
      }
    }
    byte[] oversize = new byte[1000];
    Arrays.fill(oversize, (byte) 7);
    assertFalse(FrameCodec.decode(oversize) instanceof DecodeResult.Ok);
    FrameSplitter splitter = new FrameSplitter();
    assertTrue(splitter.feed(oversize, 0, oversize.length).isEmpty());
    byte[] good = VALID.get(0);
    List<byte[]> after = splitter.feed(good, 0, good.length);
    assertTrue(after.isEmpty(), "the oversize frame's tail swallows up to the next delimiter");
    assertTrue(splitter.oversized() == 1);
    assertTrue(splitter.feed(good, 0, good.length).size() == 1, "and then it resynchronises");
  }

  @Test
  void hostileMcuBodiesParseToEmptyNotExceptions() {
    Random random = new Random(5);
    for (int i = 0; i < 5000; i++) {
      byte[] body = new byte[random.nextInt(TetherFrame.MAX_BODY + 1)];
      random.nextBytes(body);
      for (MessageType type : MessageType.values()) {
        McuMessage.parse(TetherFrame.of(1, type, body))
            .ifPresent(
                m -> {
                  Identity.parse(m);
                  m.pinValue();
                  m.nackReason();
                });
      }
    }
  }

  private static void flip(byte[] p, int bit) {
    p[bit / 8] ^= (byte) (1 << (bit % 8));
  }
}
