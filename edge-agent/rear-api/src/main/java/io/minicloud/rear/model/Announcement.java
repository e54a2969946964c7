package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The FLUIDOS discovery datagram (UDP multicast 239.11.11.1:4000, every 5 s): the sender's
 * identity, {@code ip} being its REAR endpoint as {@code host:port}. A Go node creates a
 * KnownCluster from it and forgets it 10 s after the last one.
 */
@JsonPropertyOrder({"domain", "nodeID", "ip"})
public record Announcement(
    @JsonProperty("domain") String domain,
    @JsonProperty("nodeID") String nodeId,
    @JsonProperty("ip") String ip) {}
