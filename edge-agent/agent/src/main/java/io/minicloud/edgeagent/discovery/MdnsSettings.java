package io.minicloud.edgeagent.discovery;

import java.time.Duration;
import java.util.Optional;

/**
 * How mDNS / DNS-SD advertising and browsing run.
 *
 * @param serviceType the DNS-SD type, e.g. {@code _fluidos-rear._tcp.local.}
 * @param interfaceName the interface to bind; empty picks the first multicast-capable one
 * @param refreshInterval how often the browse list is re-read to refresh peers' last-seen time
 * @param expiry how long a peer stays live without being seen again
 * @param port the REAR port we advertise in our SRV record
 * @param path the REAR API base path we advertise in TXT {@code path}
 * @param tls whether our REAR endpoint speaks HTTPS, advertised in TXT {@code tls}
 */
public record MdnsSettings(
    String serviceType,
    Optional<String> interfaceName,
    Duration refreshInterval,
    Duration expiry,
    int port,
    String path,
    boolean tls) {}
