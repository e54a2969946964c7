package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/**
 * Advertises our REAR endpoint as a DNS-SD service and adds the instances of others to the peer
 * table. JmDNS's cache tells us when instances appear and leave; a periodic re-list refreshes the
 * last-seen time of those still there.
 */
public final class MdnsDiscovery implements DiscoveryMechanism {
  private static final System.Logger LOG = System.getLogger(MdnsDiscovery.class.getName());
  private static final long LIST_TIMEOUT_MILLIS = 1500;

  /** Creates a JmDNS instance bound to one address; the agent's is {@code JmDNS::create}. */
  @FunctionalInterface
  public interface JmdnsFactory {
    JmDNS create(InetAddress bindAddress, String hostName) throws IOException;
  }

  private final MdnsSettings settings;
  private final Announcement self;
  private final PeerTable table;
  private final JmdnsFactory factory;
  private final ScheduledExecutorService scheduler;
  private JmDNS jmdns;
  private ScheduledFuture<?> refreshing;

  public MdnsDiscovery(
      MdnsSettings settings,
      Announcement self,
      PeerTable table,
      JmdnsFactory factory,
      ScheduledExecutorService scheduler) {
    this.settings = settings;
    this.self = self;
    this.table = table;
    this.factory = factory;
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return "mdns";
  }

  @Override
  public synchronized void start() throws IOException {
    var nif = NetworkInterfaces.forMulticast(settings.interfaceName());
    InetAddress bind =
        NetworkInterfaces.ipv4Of(nif)
            .orElseThrow(() -> new IOException("interface " + nif.getName() + " has no IPv4"));
    jmdns = factory.create(bind, self.nodeId());
    jmdns.addServiceListener(settings.serviceType(), new Listener());
    jmdns.registerService(
        ServiceInfo.create(
            settings.serviceType(),
            self.nodeId(),
            settings.port(),
            0,
            0,
            MdnsRecords.txtFor(self, settings.path(), settings.tls())));
    long millis = settings.refreshInterval().toMillis();
    refreshing =
        scheduler.scheduleWithFixedDelay(
            Guarded.task("mDNS refresh", this::refresh), millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (refreshing != null) {
      refreshing.cancel(false);
    }
    if (jmdns != null) {
      jmdns.unregisterAllServices();
      try {
        jmdns.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "closing mDNS failed", e);
      }
      jmdns = null;
    }
  }

  private void refresh() {
    JmDNS current;
    synchronized (this) {
      current = jmdns;
    }
    if (current == null) {
      return;
    }
    for (ServiceInfo info : current.list(settings.serviceType(), LIST_TIMEOUT_MILLIS)) {
      seen(info);
    }
  }

  private void seen(ServiceInfo info) {
    List<String> ipv4 =
        Arrays.stream(info.getInet4Addresses()).map(Inet4Address::getHostAddress).toList();
    var decoded =
        MdnsRecords.fromService(info.getName(), ipv4, info.getPort(), info::getPropertyString);
    if (decoded instanceof AnnouncementCodec.Rejected rejected) {
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> "ignored mDNS instance " + info.getQualifiedName() + ": " + rejected.reason());
      return;
    }
    Announcement peer = ((AnnouncementCodec.Valid) decoded).announcement();
    if (!peer.nodeId().equals(self.nodeId())) {
      table.announced(
          PeerSource.MDNS, peer.nodeId(), peer.domain(), peer.address(), settings.expiry());
    }
  }

  private final class Listener implements ServiceListener {
    @Override
    public void serviceAdded(ServiceEvent event) {
      // Resolution answers arrive through serviceResolved.
      event.getDNS().requestServiceInfo(event.getType(), event.getName(), 1);
    }

    @Override
    public void serviceRemoved(ServiceEvent event) {
      String nodeId =
          event.getInfo() == null ? null : event.getInfo().getPropertyString(MdnsRecords.NODE_ID);
      table.withdrawn(PeerSource.MDNS, nodeId != null ? nodeId : event.getName());
    }

    @Override
    public void serviceResolved(ServiceEvent event) {
      seen(event.getInfo());
    }
  }
}
