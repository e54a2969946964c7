package io.minicloud.edgeagent.discovery;

/**
 * A FLUIDOS node identity as multicast by the Go network-manager every 5 s: {@code
 * {"domain":"…","nodeID":"…","ip":"host:port"}}, where {@code ip} is the REAR gateway address.
 */
public record Announcement(String domain, String nodeId, String address) {}
