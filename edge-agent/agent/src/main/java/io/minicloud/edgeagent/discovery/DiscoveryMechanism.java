package io.minicloud.edgeagent.discovery;

import java.io.IOException;

/** One way of finding peers (multicast, mDNS, manual list); {@link Discovery} runs them. */
public interface DiscoveryMechanism {

  /** Short name for logs and status: multicast, mdns, manual. */
  String name();

  /** Starts sending, listening or probing; throws when this machine cannot support it. */
  void start() throws IOException;

  /** Stops and releases sockets; safe to call when start failed. */
  void stop();
}
