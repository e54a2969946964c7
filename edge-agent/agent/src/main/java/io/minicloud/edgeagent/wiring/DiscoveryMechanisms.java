package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.discovery.Announcement;
import io.minicloud.edgeagent.discovery.AnnouncementStats;
import io.minicloud.edgeagent.discovery.FlavorsProbe;
import io.minicloud.edgeagent.discovery.HostPort;
import io.minicloud.edgeagent.discovery.ManualPeer;
import io.minicloud.edgeagent.discovery.ManualPeerProber;
import io.minicloud.edgeagent.discovery.MdnsDiscovery;
import io.minicloud.edgeagent.discovery.MdnsSettings;
import io.minicloud.edgeagent.discovery.MulticastDiscovery;
import io.minicloud.edgeagent.discovery.MulticastSettings;
import io.minicloud.edgeagent.discovery.PeerTable;
import io.minicloud.edgeagent.discovery.UdpMulticastChannel;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import javax.jmdns.JmDNS;

/** Turns the discovery options into the three mechanisms with their real collaborators. */
final class DiscoveryMechanisms {
  /** The REAR API base every FLUIDOS gateway serves. */
  private static final String REAR_PATH = "/api/v2";

  private final EdgeAgentOptions.DiscoveryOptions config;
  private final Announcement self;
  private final PeerTable table;
  private final AnnouncementStats stats;
  private final ScheduledExecutorService scheduler;
  private final boolean rearTls;

  DiscoveryMechanisms(
      EdgeAgentOptions.DiscoveryOptions config,
      Announcement self,
      PeerTable table,
      AnnouncementStats stats,
      ScheduledExecutorService scheduler,
      boolean rearTls) {
    this.rearTls = rearTls;
    this.config = config;
    this.self = self;
    this.table = table;
    this.stats = stats;
    this.scheduler = scheduler;
  }

  MulticastDiscovery multicast(ThreadFactory receiveThreads) {
    var multicast = config.multicast();
    var settings =
        new MulticastSettings(
            group(multicast.group()),
            multicast.port(),
            multicast.interval(),
            multicast.expiry(),
            multicast.interfaceName(),
            multicast.maxDatagramBytes());
    return new MulticastDiscovery(
        settings,
        self,
        table,
        stats,
        UdpMulticastChannel::open,
        scheduler,
        Executors.newSingleThreadExecutor(receiveThreads));
  }

  MdnsDiscovery mdns() {
    var mdns = config.mdns();
    int port = HostPort.parse(self.address()).orElseThrow().port();
    var settings =
        new MdnsSettings(
            mdns.serviceType(),
            mdns.interfaceName(),
            mdns.refreshInterval(),
            mdns.expiry(),
            port,
            REAR_PATH,
            rearTls);
    return new MdnsDiscovery(settings, self, table, JmDNS::create, scheduler);
  }

  ManualPeerProber manual() {
    var manual = config.manual();
    List<ManualPeer> peers =
        manual.peers().orElse(List.of()).stream()
            .map(entry -> ManualPeer.parse(entry.address(), entry.nodeId()))
            .toList();
    var http = HttpClient.newBuilder().connectTimeout(manual.probeTimeout()).build();
    return new ManualPeerProber(
        peers,
        table,
        new FlavorsProbe(http, manual.probeTimeout()),
        scheduler,
        manual.probeInterval());
  }

  private static InetAddress group(String group) {
    try {
      InetAddress address = InetAddress.getByName(group);
      if (!address.isMulticastAddress()) {
        throw new IllegalArgumentException(
            "minicloud.edge-agent.discovery.multicast.group " + group + " is not multicast");
      }
      return address;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.discovery.multicast.group " + group + " is not an address", e);
    }
  }
}
