package io.minicloud.mapper.tether.sim;

import io.minicloud.mapper.tether.codec.Cobs;
import io.minicloud.mapper.tether.codec.Crc16;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Line noise and hostile frames for the firmware: none of them may change an output. Every SET
 * below targets {@code pin} with {@code level}, so an output that moves gives the culprit away.
 */
final class HostileFrames {
  private HostileFrames() {}

  /** A payload (version, seq, type, body, CRC) with any bytes, COBS-encoded and delimited. */
  static byte[] raw(int version, int seq, int type, byte... body) {
    byte[] p = new byte[body.length + 5];
    p[0] = (byte) version;
    p[1] = (byte) seq;
    p[2] = (byte) type;
    System.arraycopy(body, 0, p, 3, body.length);
    int crc = Crc16.of(p, 0, p.length - 2);
    p[p.length - 2] = (byte) (crc >>> 8);
    p[p.length - 1] = (byte) crc;
    return delimited(Cobs.encode(p));
  }

  static List<byte[]> all(int pin, int level, Random random) {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] noise = new byte[1 + random.nextInt(100)];
      random.nextBytes(noise);
      out.add(noise);
    }
    byte[] oversize = new byte[300];
    Arrays.fill(oversize, (byte) 0x55);
    out.add(delimited(oversize));
    byte[] set = raw(1, 200, 0x03, (byte) pin, (byte) 0, (byte) level);
    byte[] payload = decodePayload(set);
    for (int bit = 0; bit < payload.length * 8; bit++) {
      out.add(flipped(payload, bit, -1)); // CRC-16 catches every 1-bit error ...
      out.add(flipped(payload, bit, bit + 1)); // ... and every 2-bit error in a short frame
    }
    for (int len = 1; len < set.length - 1; len++) {
      out.add(delimited(Arrays.copyOf(set, len)));
    }
    for (int version : new int[] {0, 2, 0x11, 255}) {
      out.add(raw(version, 201, 0x03, (byte) pin, (byte) 0, (byte) level));
    }
    for (int type : new int[] {0x00, 0x07, 0x7F, 0x81, 0xC0, 0xC1, 0xE0, 0xFF}) {
      out.add(raw(1, 202, type, (byte) pin, (byte) 0, (byte) level));
    }
    out.add(raw(1, 203, 0x03));
    out.add(raw(1, 204, 0x03, (byte) pin));
    out.add(raw(1, 205, 0x03, (byte) pin, (byte) 0));
    out.add(raw(1, 206, 0x03, (byte) pin, (byte) 0, (byte) level, (byte) 0));
    out.add(raw(1, 207, 0x03, (byte) pin, (byte) 0, (byte) 2)); // a level that is no level
    out.add(raw(1, 208, 0x03, (byte) pin, (byte) 1, (byte) level)); // 256 + level
    for (int other : new int[] {0, 1, 20, 255}) {
      out.add(raw(1, 209, 0x03, (byte) other, (byte) 0, (byte) 1));
      out.add(raw(1, 210, 0x02, (byte) other, (byte) 3, (byte) 1));
    }
    out.add(raw(1, 211, 0x02, (byte) pin, (byte) 9, (byte) level)); // no such mode
    out.add(raw(1, 212, 0x02, (byte) pin, (byte) 3, (byte) 2)); // safe value that is no level
    out.add(raw(1, 213, 0x01, (byte) 1)); // HELLO with a body
    out.add(raw(1, 214, 0x04, (byte) 99));
    out.add(raw(1, 215, 0x05, (byte) 0, (byte) 5, (byte) 0)); // heartbeat below the minimum
    out.add(raw(1, 216, 0x05, (byte) 0, (byte) 100, (byte) 0x80)); // unknown heartbeat flag
    return out;
  }

  private static byte[] decodePayload(byte[] wire) {
    return Cobs.decode(wire, 0, wire.length - 1, 64).orElseThrow();
  }

  private static byte[] flipped(byte[] payload, int bit, int secondBit) {
    byte[] p = payload.clone();
    p[bit / 8] ^= (byte) (1 << (bit % 8));
    if (secondBit >= 0 && secondBit < p.length * 8) {
      p[secondBit / 8] ^= (byte) (1 << (secondBit % 8));
    }
    return delimited(Cobs.encode(p));
  }

  private static byte[] delimited(byte[] encoded) {
    byte[] out = Arrays.copyOf(encoded, encoded.length + 1);
    out[encoded.length] = 0;
    return out;
  }
}
