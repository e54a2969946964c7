package io.minicloud.tetherbridge.store;

/**
 * Bounds of the on-disk queue.
 *
 * @param maxMessages at most this many messages are kept
 * @param maxBytes at most this many bytes ({@link OutboundMessage#sizeBytes()}) are kept
 */
public record DurableQueueOptions(long maxMessages, long maxBytes) {

  /**
   * A day of 10 readings a second is under a million messages; 256 MiB fits a small SD card
   * partition next to the OS and still holds hours of a busy gateway's telemetry.
   */
  public static final DurableQueueOptions DEFAULTS =
      new DurableQueueOptions(1_000_000, 256L * 1024 * 1024);

  public DurableQueueOptions {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maxMessages must be at least 1, was " + maxMessages);
    }
    if (maxBytes < 1024) {
      throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
    }
  }
}
