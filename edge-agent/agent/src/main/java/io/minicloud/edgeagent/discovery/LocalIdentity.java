package io.minicloud.edgeagent.discovery;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Supplier;

/** Works out who we announce ourselves as, from the configuration and, failing that, the host. */
public final class LocalIdentity {
  private static final System.Logger LOG = System.getLogger(LocalIdentity.class.getName());

  private LocalIdentity() {}

  /**
   * @param hostName the machine's host name, for the default node ID
   * @param firstIpv4 the first non-loopback IPv4 address, for the default advertised address
   * @throws IllegalArgumentException when a configured node ID or address is invalid
   */
  public static Announcement resolve(
      String domain,
      Optional<String> nodeId,
      Optional<String> advertisedAddress,
      int rearPort,
      Supplier<String> hostName,
      Supplier<Optional<InetAddress>> firstIpv4) {
    String id = nodeId.orElseGet(() -> NodeIds.fromHostName(hostName.get()));
    if (!NodeIds.isValid(id)) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.node-id " + id + " is not a DNS-1123 label");
    }
    String address = advertisedAddress.orElseGet(() -> defaultAddress(firstIpv4.get(), rearPort));
    if (HostPort.parse(address).isEmpty()) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.advertised-address " + address + " is not host:port");
    }
    return new Announcement(domain, id, address);
  }

  private static String defaultAddress(Optional<InetAddress> ipv4, int rearPort) {
    if (ipv4.isEmpty()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "no non-loopback IPv4 address: announcing 127.0.0.1, which only this host can reach;"
              + " set minicloud.edge-agent.rear.advertised-address");
    }
    return ipv4.map(InetAddress::getHostAddress).orElse("127.0.0.1") + ":" + rearPort;
  }
}
