package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.discovery.AnnouncementStats;
import io.minicloud.edgeagent.discovery.Discovery;
import io.minicloud.edgeagent.discovery.DiscoveryMechanism;
import io.minicloud.edgeagent.discovery.LocalIdentity;
import io.minicloud.edgeagent.discovery.NetworkInterfaces;
import io.minicloud.edgeagent.discovery.PeerTable;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds peer discovery from the options and runs it for the life of the agent. */
@Singleton
public class DiscoveryWiring {
  private final PeerTable table;
  private final AnnouncementStats stats = new AnnouncementStats();
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(2, daemonThreads("peer-discovery"));
  private final Discovery discovery;

  public DiscoveryWiring(EdgeAgentOptions options) {
    EdgeAgentOptions.DiscoveryOptions config = options.discovery();
    this.table = new PeerTable(Clock.systemUTC(), config.maxPeers(), config.forgetExpiredAfter());
    // one identity for REAR and discovery. Multicast is how stock Go FLUIDOS nodes find us and
    // they can only use the plain listener, so that is the endpoint announced when it is enabled.
    RearOptions rear = options.rear();
    boolean plain = rear.fluidos().enabled();
    var self =
        LocalIdentity.resolve(
            rear.domain(),
            rear.nodeId(),
            plain ? Optional.empty() : rear.advertisedAddress(),
            plain ? rear.fluidos().port() : rear.https().port(),
            DiscoveryWiring::hostName,
            NetworkInterfaces::firstNonLoopbackIpv4);
    var mechanisms = new DiscoveryMechanisms(config, self, table, stats, scheduler, !plain);
    List<DiscoveryMechanism> enabled = new ArrayList<>();
    if (config.multicast().enabled()) {
      enabled.add(mechanisms.multicast(daemonThreads("multicast-receive")));
    }
    if (config.mdns().enabled()) {
      enabled.add(mechanisms.mdns());
    }
    enabled.add(mechanisms.manual());
    this.discovery = new Discovery(table, enabled, scheduler, config.sweepInterval());
  }

  void start(@Observes StartupEvent event) {
    discovery.start();
  }

  void stop(@Observes ShutdownEvent event) {
    discovery.close();
    scheduler.shutdownNow();
  }

  public PeerTable table() {
    return table;
  }

  public AnnouncementStats stats() {
    return stats;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "minicloud";
    }
  }

  private static ThreadFactory daemonThreads(String name) {
    var count = new AtomicInteger();
    return runnable -> {
      var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
