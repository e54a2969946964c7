package io.minicloud.tetherbridge.store;

/** Why the queue dropped a message instead of keeping it until a sink confirmed it. */
public enum DropReason {
  /** The queue was at its message or byte bound; the lowest priority, oldest message went. */
  FULL,
  /** The message's time to live ran out before it could be sent. */
  EXPIRED,
  /** The message alone is larger than the queue's byte bound. */
  TOO_LARGE
}
