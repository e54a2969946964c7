package io.minicloud.mapper.tether.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream at 0x00 delimiters into encoded frames, in bounded memory: a frame longer than
 * {@link TetherFrame#MAX_ENCODED} is dropped up to its delimiter and counted. Empty frames (two
 * delimiters in a row, the leading 0x00 a sender may add) are skipped.
 */
public final class FrameSplitter {
  private final byte[] buffer = new byte[TetherFrame.MAX_ENCODED];
  private int length;
  private boolean overflow;
  private long oversized;

  /** The complete frames in these bytes (without delimiters); a partial one is kept. */
  public List<byte[]> feed(byte[] data, int offset, int count) {
    List<byte[]> frames = new ArrayList<>();
    for (int i = offset; i < offset + count; i++) {
      byte b = data[i];
      if (b == 0) {
        if (overflow) {
          oversized++;
        } else if (length > 0) {
          frames.add(java.util.Arrays.copyOf(buffer, length));
        }
        length = 0;
        overflow = false;
      } else if (length < buffer.length) {
        buffer[length++] = b;
      } else {
        overflow = true;
      }
    }
    return frames;
  }

  /** Frames dropped for being too long. */
  public long oversized() {
    return oversized;
  }
}
