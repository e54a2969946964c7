package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test multicast group and free port on loopback, so parallel builds on one machine do not hear
 * each other. Linux loopback lacks the MULTICAST flag but carries multicast between local sockets.
 */
public final class LoopbackMulticast {
  private LoopbackMulticast() {}

  public static MulticastSettings settings(Duration interval, Duration expiry) throws IOException {
    return new MulticastSettings(
        randomGroup(), freeUdpPort(), interval, expiry, Optional.of("lo"), 1024);
  }

  private static InetAddress randomGroup() throws UnknownHostException {
    // 239.255.0.0/16 is the organization-local scope: never the FLUIDOS group 239.11.11.1.
    var random = ThreadLocalRandom.current();
    return InetAddress.getByName(
        "239.255." + random.nextInt(1, 255) + "." + random.nextInt(1, 255));
  }

  private static int freeUdpPort() throws IOException {
    try (var probe = new DatagramSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
