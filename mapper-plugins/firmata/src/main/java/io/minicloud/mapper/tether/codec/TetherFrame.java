package io.minicloud.mapper.tether.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One tether v1 frame before COBS: version, sequence number, message type, body (the CRC is added
 * and checked by {@link FrameCodec}).
 */
public record TetherFrame(int version, int seq, MessageType type, byte[] body) {
  public static final int VERSION = 1;

  /** version + seq + type + CRC. */
  public static final int OVERHEAD = 5;

  /** The largest payload (version through CRC) either side accepts. */
  public static final int MAX_PAYLOAD = 64;

  /** The largest body: {@link #MAX_PAYLOAD} minus the {@link #OVERHEAD}. */
  public static final int MAX_BODY = MAX_PAYLOAD - OVERHEAD;

  /** The largest COBS-encoded frame, without its delimiter. */
  public static final int MAX_ENCODED = MAX_PAYLOAD + 1;

  public TetherFrame {
    if (seq < 0 || seq > 255) {
      throw new IllegalArgumentException("seq " + seq + " is outside 0..255");
    }
    if (body.length > MAX_BODY) {
      throw new IllegalArgumentException("a body of " + body.length + " bytes exceeds " + MAX_BODY);
    }
    body = body.clone();
  }

  public static TetherFrame of(int seq, MessageType type, byte... body) {
    return new TetherFrame(VERSION, seq, type, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TetherFrame f
        && f.version == version
        && f.seq == seq
        && f.type == type
        && Arrays.equals(f.body, body);
  }

  @Override
  public int hashCode() {
    return (version * 31 + seq) * 31 + type.hashCode() * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return type + "#" + seq + "[" + HexFormat.of().formatHex(body) + "]";
  }
}
