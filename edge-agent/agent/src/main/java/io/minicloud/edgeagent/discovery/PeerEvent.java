package io.minicloud.edgeagent.discovery;

/** A change in the {@link PeerTable}, for whoever reacts to peers (the REAR consumer). */
public record PeerEvent(Kind kind, Peer peer) {

  /** What happened to the peer. */
  public enum Kind {
    ADDED,
    /** State, address, domain or sources changed; a plain refresh is not an update. */
    UPDATED,
    REMOVED
  }
}
