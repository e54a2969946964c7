package io.minicloud.edgeagent.inventory;

import java.time.Duration;
import java.time.Instant;

/**
 * How one inventory source fared: the API shows it next to the data, so a reader knows when the
 * nodes of a char-agent that stopped answering are an old picture.
 *
 * @param name the source's name, e.g. {@code char-agent http://127.0.0.1:9101}
 * @param stale true when the last read failed and the items shown are from an earlier success (or
 *     there are none yet)
 * @param error why the last read failed, null when it succeeded
 * @param lastSuccess when the source last answered, null when it never did
 * @param ageSeconds seconds since {@code lastSuccess} at snapshot time, -1 when it never answered
 */
public record SourceState(
    String name, boolean stale, String error, Instant lastSuccess, long ageSeconds) {

  static SourceState fresh(String name, Instant now) {
    return new SourceState(name, false, null, now, 0);
  }

  static SourceState failed(String name, String error, Instant lastSuccess, Instant now) {
    long age = lastSuccess == null ? -1 : Duration.between(lastSuccess, now).toSeconds();
    return new SourceState(name, true, error, lastSuccess, age);
  }
}
