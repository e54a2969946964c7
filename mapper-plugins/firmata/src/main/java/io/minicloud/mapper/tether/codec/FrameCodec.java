package io.minicloud.mapper.tether.codec;

import java.util.Optional;

/** Frames to wire bytes and back: payload = version, seq, type, body, CRC-16 (big-endian). */
public final class FrameCodec {
  private FrameCodec() {}

  /** COBS(payload) followed by the 0x00 delimiter. */
  public static byte[] encode(TetherFrame frame) {
    byte[] body = frame.body();
    byte[] payload = new byte[body.length + TetherFrame.OVERHEAD];
    payload[0] = (byte) frame.version();
    payload[1] = (byte) frame.seq();
    payload[2] = (byte) frame.type().code();
    System.arraycopy(body, 0, payload, 3, body.length);
    int crc = Crc16.of(payload, 0, payload.length - 2);
    payload[payload.length - 2] = (byte) (crc >>> 8);
    payload[payload.length - 1] = (byte) crc;
    byte[] cobs = Cobs.encode(payload);
    byte[] wire = java.util.Arrays.copyOf(cobs, cobs.length + 1);
    wire[cobs.length] = 0;
    return wire;
  }

  /** Decodes one encoded frame without its delimiter. Never throws. */
  public static DecodeResult decode(byte[] encoded) {
    if (encoded.length > TetherFrame.MAX_ENCODED) {
      return new DecodeResult.Failed(DecodeResult.Error.TOO_LONG);
    }
    Optional<byte[]> decoded = Cobs.decode(encoded, 0, encoded.length, TetherFrame.MAX_PAYLOAD);
    if (decoded.isEmpty()) {
      return new DecodeResult.Failed(DecodeResult.Error.NOT_COBS);
    }
    byte[] p = decoded.get();
    if (p.length < TetherFrame.OVERHEAD) {
      return new DecodeResult.Failed(DecodeResult.Error.TOO_SHORT);
    }
    int crc = (p[p.length - 2] & 0xFF) << 8 | p[p.length - 1] & 0xFF;
    if (Crc16.of(p, 0, p.length - 2) != crc) {
      return new DecodeResult.Failed(DecodeResult.Error.BAD_CRC);
    }
    if (p[0] != TetherFrame.VERSION) {
      return new DecodeResult.Failed(DecodeResult.Error.UNSUPPORTED_VERSION);
    }
    Optional<MessageType> type = MessageType.of(p[2] & 0xFF);
    if (type.isEmpty()) {
      return new DecodeResult.Failed(DecodeResult.Error.UNKNOWN_TYPE);
    }
    byte[] body = java.util.Arrays.copyOfRange(p, 3, p.length - 2);
    return new DecodeResult.Ok(new TetherFrame(p[0], p[1] & 0xFF, type.get(), body));
  }
}
