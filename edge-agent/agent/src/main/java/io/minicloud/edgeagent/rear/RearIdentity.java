package io.minicloud.edgeagent.rear;

import io.minicloud.edgeagent.discovery.NodeIds;
import io.minicloud.edgeagent.rear.catalog.FlavorIds;
import io.minicloud.rear.model.NodeIdentity;

/**
 * Who this minicloud is on REAR: its domain, its node id, and the {@code host:port} a buyer must
 * dial (a Go consumer sends reserve and purchase to {@code owner.IP}, not to where it found us).
 */
public record RearIdentity(String domain, String nodeId, String endpoint) {

  public RearIdentity {
    if (domain.length() > 200 || !FlavorIds.isDnsSubdomain(domain)) {
      throw new IllegalArgumentException(
          "REAR domain '"
              + domain
              + "' is not a lower-case DNS name: flavor ids are built from it");
    }
    if (!NodeIds.isValid(nodeId)) {
      throw new IllegalArgumentException("REAR node id '" + nodeId + "' is not a DNS-1123 label");
    }
    if (!endpoint.matches("[^\\s/:]+:[0-9]{1,5}")
        && !endpoint.matches("\\[[0-9a-fA-F:.]+\\]:[0-9]{1,5}")) {
      throw new IllegalArgumentException(
          "REAR endpoint '" + endpoint + "' must be host:port, as peers dial it");
    }
  }

  public NodeIdentity asOwner() {
    return new NodeIdentity(nodeId, endpoint, domain, null);
  }
}
