package io.minicloud.edgeagent.discovery;

import java.util.Locale;

/** Whether a peer can be used as a REAR provider right now. */
public enum PeerState {
  /** Announced recently, or its {@code /api/v2/flavors} answered 200/204. */
  LIVE,
  /** Its REAR gateway answers 503: a FLUIDOS node does so until its Liqo is ready. */
  NOT_READY,
  /** A probe failed (refused, timed out, or an unexpected HTTP status). */
  UNREACHABLE,
  /** No announcement within the expiry time; kept a while so operators can see it went away. */
  EXPIRED;

  /** The lowercase, dash-separated name used in JSON and metric tags. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
