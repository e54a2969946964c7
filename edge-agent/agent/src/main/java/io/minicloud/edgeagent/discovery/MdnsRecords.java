package io.minicloud.edgeagent.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps our identity to DNS-SD TXT records and a resolved service instance back to an announcement.
 * Plain data in and out, so it is tested without JmDNS or a network.
 */
public final class MdnsRecords {
  public static final String NODE_ID = "nodeID";
  public static final String DOMAIN = "domain";
  public static final String PATH = "path";
  public static final String TLS = "tls";

  /**
   * Our advertised REAR {@code host:port}. Without it a peer would rebuild the address from the A
   * record and SRV port, which differs from the multicast one behind NAT or with a DNS name, and
   * REAR needs the exact address we put in {@code owner.IP}.
   */
  public static final String ADDRESS = "address";

  private MdnsRecords() {}

  /** Our TXT record: nodeID, domain, path (the REAR base path), tls=true|false and address. */
  public static Map<String, String> txtFor(Announcement self, String path, boolean tls) {
    Map<String, String> txt = new LinkedHashMap<>();
    txt.put(NODE_ID, self.nodeId());
    txt.put(DOMAIN, self.domain());
    txt.put(PATH, path);
    txt.put(TLS, Boolean.toString(tls));
    txt.put(ADDRESS, self.address());
    return txt;
  }

  /**
   * A resolved instance as an announcement: node ID from TXT (else the instance name), domain from
   * TXT, address from the first IPv4 address and the SRV port. Validated like a multicast
   * announcement, since anyone on the link can publish a service.
   */
  public static AnnouncementCodec.Decoded fromService(
      String instanceName, List<String> ipv4Addresses, int port, Function<String, String> txt) {
    String nodeId = txt.apply(NODE_ID);
    if (nodeId == null || nodeId.isEmpty()) {
      nodeId = instanceName;
    }
    String address = txt.apply(ADDRESS);
    if (address == null || address.isEmpty()) {
      if (ipv4Addresses.isEmpty()) {
        return new AnnouncementCodec.Rejected(ReceiveOutcome.INVALID, "no IPv4 address resolved");
      }
      address = ipv4Addresses.get(0) + ":" + port;
    }
    return AnnouncementCodec.validate(txt.apply(DOMAIN), nodeId, address);
  }
}
