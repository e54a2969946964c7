package io.minicloud.edgeagent.discovery;

import java.time.Instant;
import java.util.Set;

/**
 * One known REAR endpoint: an immutable snapshot of a {@link PeerTable} entry.
 *
 * @param nodeId the peer's FLUIDOS node ID (a DNS-1123 label), or null for a manual peer whose ID
 *     is not configured
 * @param domain the peer's FLUIDOS domain, or null when unknown (manual peers)
 * @param address the {@code host:port} of its REAR gateway, as announced or configured
 * @param sources every mechanism through which the peer was heard
 * @param firstSeen when the entry was created
 * @param lastSeen when the peer last announced itself or answered a probe; null if never
 * @param state whether it can be used now
 * @param lastError why the last probe failed, or null
 */
public record Peer(
    String nodeId,
    String domain,
    String address,
    Set<PeerSource> sources,
    Instant firstSeen,
    Instant lastSeen,
    PeerState state,
    String lastError) {

  public Peer {
    sources = Set.copyOf(sources);
  }
}
