package io.minicloud.tetherbridge.runtime;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The last frames exchanged with one device, for field debugging over REST (what did the bus really
 * carry?). A bounded ring: old frames fall out.
 */
public final class FrameLog {

  /**
   * One frame.
   *
   * @param direction {@code tx} (to the device) or {@code rx} (from it; a partial reply too)
   * @param note why the frame is notable ({@code timeout after 3 bytes}), or null
   */
  public record Frame(Instant at, String direction, String hex, String note) {}

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
  private final int capacity;
  private final ArrayDeque<Frame> frames;

  public FrameLog(int capacity) {
    this.capacity = Math.max(1, capacity);
    this.frames = new ArrayDeque<>(this.capacity);
  }

  public synchronized void add(
      Instant at, String direction, byte[] bytes, int length, String note) {
    if (frames.size() == capacity) {
      frames.removeFirst();
    }
    frames.addLast(new Frame(at, direction, HEX.formatHex(bytes, 0, length), note));
  }

  /** The newest {@code limit} frames, oldest first. */
  public synchronized List<Frame> last(int limit) {
    List<Frame> all = new ArrayList<>(frames);
    return all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size());
  }
}
