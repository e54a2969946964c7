package io.minicloud.edgeagent.discovery;

import java.util.Locale;

/** How we learned about a peer. A peer heard through several mechanisms lists each of them. */
public enum PeerSource {
  /** The FLUIDOS network-manager's UDP multicast announcement (239.11.11.1:4000). */
  MULTICAST,
  /** A DNS-SD service instance found by mDNS browsing. */
  MDNS,
  /** Listed by the operator in the configuration; never expires, probed instead. */
  MANUAL;

  /** The lowercase name used in JSON and metric tags. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
