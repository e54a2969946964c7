package io.minicloud.edgeagent.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * How the FLUIDOS multicast announcements run.
 *
 * @param group the IPv4 multicast group (FLUIDOS: 239.11.11.1)
 * @param port the UDP port, for sending and listening (FLUIDOS: 4000)
 * @param interval time between two of our announcements (FLUIDOS: 5 s)
 * @param expiry how long a peer stays live after its last announcement (FLUIDOS: 10 s)
 * @param interfaceName the network interface to use; empty picks the first multicast-capable one
 * @param maxDatagramBytes larger datagrams are dropped unread
 */
public record MulticastSettings(
    InetAddress group,
    int port,
    Duration interval,
    Duration expiry,
    Optional<String> interfaceName,
    int maxDatagramBytes) {}
