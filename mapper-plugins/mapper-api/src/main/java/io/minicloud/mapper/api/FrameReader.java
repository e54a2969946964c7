package io.minicloud.mapper.api;

/**
 * Tells the core when a reply frame is complete, so a byte link reads exactly one frame. Part of a
 * plugin's codec.
 */
@FunctionalInterface
public interface FrameReader {

  /** Returned while the bytes so far do not yet tell the frame's length. */
  int NEED_MORE = -1;

  /**
   * @param buffer the bytes received so far, from index 0
   * @param length how many of them are valid
   * @return the complete frame's length once known (may exceed {@code length}), or {@link
   *     #NEED_MORE}
   * @throws DeviceException ({@link ErrorKind#MALFORMED}) when the bytes cannot start a valid reply
   */
  int frameLength(byte[] buffer, int length) throws DeviceException;
}
