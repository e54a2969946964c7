package io.minicloud.edgeagent.discovery;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The mutable record behind a {@link Peer}; only touched under the {@link PeerTable}'s lock. */
final class PeerEntry {
  String nodeId;
  String domain;
  String address;
  final Instant firstSeen;
  Instant lastSeen;
  PeerState state;
  String lastError;
  Instant expiredAt;

  /** Per source, when that source's word on the peer runs out; null for manual (never). */
  final Map<PeerSource, Instant> expiresAt = new EnumMap<>(PeerSource.class);

  PeerEntry(String nodeId, String domain, String address, Instant firstSeen, PeerState state) {
    this.nodeId = nodeId;
    this.domain = domain;
    this.address = address;
    this.firstSeen = firstSeen;
    this.state = state;
  }

  /** The table key: the node ID when known, else the address (which cannot contain '@'). */
  static String key(String nodeId, String address) {
    return nodeId != null ? nodeId : "@" + address;
  }

  String key() {
    return key(nodeId, address);
  }

  boolean hasActiveSource(Instant now) {
    return expiresAt.values().stream().anyMatch(until -> until == null || until.isAfter(now));
  }

  /** Compares what listeners care about; lastSeen alone changing is a refresh, not an update. */
  boolean sameAs(Peer before) {
    return Objects.equals(nodeId, before.nodeId())
        && Objects.equals(domain, before.domain())
        && Objects.equals(address, before.address())
        && state == before.state()
        && Objects.equals(lastError, before.lastError())
        && expiresAt.keySet().equals(before.sources());
  }

  Peer snapshot() {
    return new Peer(
        nodeId, domain, address, expiresAt.keySet(), firstSeen, lastSeen, state, lastError);
  }
}
