package io.minicloud.edgeagent.discovery;

import java.util.Locale;

/** What became of a received announcement; the {@code result} tag of the received counter. */
public enum ReceiveOutcome {
  ACCEPTED,
  /** Our own announcement, looped back by the network. */
  OWN,
  /** Larger than the configured maximum datagram size. */
  OVERSIZED,
  /** Not one JSON object: not JSON, truncated, trailing data, or nested too deep. */
  MALFORMED,
  /** JSON, but a field is missing, empty, or not a valid node ID, domain or host:port. */
  INVALID,
  /** Valid, but the peer table is full. */
  TABLE_FULL,
  /** The socket failed while receiving. */
  RECEIVE_ERROR;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
