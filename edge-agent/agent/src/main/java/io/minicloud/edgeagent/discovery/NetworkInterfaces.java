package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/** Picks the interface and address discovery uses, from what this machine has. */
public final class NetworkInterfaces {
  private NetworkInterfaces() {}

  /**
   * The named interface, or else the first one that is up, not loopback, multicast-capable and has
   * an IPv4 address. A named interface is taken as is: Linux loopback lacks the MULTICAST flag but
   * carries multicast between local sockets, which is what tests use.
   */
  public static NetworkInterface forMulticast(Optional<String> name) throws IOException {
    if (name.isPresent()) {
      NetworkInterface named = NetworkInterface.getByName(name.get());
      if (named == null || !named.isUp()) {
        throw new IOException("network interface " + name.get() + " does not exist or is down");
      }
      return named;
    }
    for (NetworkInterface candidate : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (candidate.isUp()
          && !candidate.isLoopback()
          && candidate.supportsMulticast()
          && ipv4Of(candidate).isPresent()) {
        return candidate;
      }
    }
    throw new IOException("no interface is up, multicast-capable and has an IPv4 address");
  }

  /** The first IPv4 address of the interface, if it has one. */
  public static Optional<InetAddress> ipv4Of(NetworkInterface nif) {
    return Collections.list(nif.getInetAddresses()).stream()
        .filter(Inet4Address.class::isInstance)
        .findFirst();
  }

  /** The first non-loopback IPv4 address of an up interface: what peers most likely reach. */
  public static Optional<InetAddress> firstNonLoopbackIpv4() {
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nif.isUp() && !nif.isLoopback()) {
          Optional<InetAddress> address = ipv4Of(nif);
          if (address.isPresent()) {
            return address;
          }
        }
      }
    } catch (SocketException e) {
      System.getLogger(NetworkInterfaces.class.getName())
          .log(System.Logger.Level.WARNING, "cannot list network interfaces", e);
    }
    return Optional.empty();
  }
}
