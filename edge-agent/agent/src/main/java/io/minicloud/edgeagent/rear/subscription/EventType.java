package io.minicloud.edgeagent.rear.subscription;

import java.util.Locale;

/**
 * What happened to a flavor, in the words subscribers see: {@code offer} (new or available again),
 * {@code refresh} (the spec's REFRESH_FLAVOR: listed data changed) and {@code withdraw} (the spec's
 * WITHDRAW_FLAVOR: no longer on offer).
 */
public enum EventType {
  OFFER,
  REFRESH,
  WITHDRAW;

  /** The lower-case name used in JSON, in SSE {@code event:} lines and in metric tags. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EventType ofWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
