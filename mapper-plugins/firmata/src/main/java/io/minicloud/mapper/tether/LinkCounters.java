package io.minicloud.mapper.tether;

import java.util.concurrent.atomic.AtomicLong;

/** What a tether link has seen, for logs, tests and the bench. */
public final class LinkCounters {
  final AtomicLong requests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong failures = new AtomicLong();
  final AtomicLong badFrames = new AtomicLong();
  final AtomicLong staleReplies = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong restores = new AtomicLong();

  /** Requests sent (not counting retries). */
  public long requests() {
    return requests.get();
  }

  /** Re-sent frames after a reply timeout. */
  public long retries() {
    return retries.get();
  }

  /** Requests that got no reply within every attempt. */
  public long failures() {
    return failures.get();
  }

  /** Received frames dropped: not COBS, too short or long, bad CRC, unknown version or type. */
  public long badFrames() {
    return badFrames.get();
  }

  /** Replies to a request that was already answered (the reply to an earlier attempt). */
  public long staleReplies() {
    return staleReplies.get();
  }

  public long events() {
    return events.get();
  }

  /** Times the configuration was re-applied after an MCU reset or a fail-safe trip. */
  public long restores() {
    return restores.get();
  }

  @Override
  public String toString() {
    return "requests=%d retries=%d failures=%d badFrames=%d stale=%d events=%d restores=%d"
        .formatted(
            requests(), retries(), failures(), badFrames(), staleReplies(), events(), restores());
  }
}
