package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * FLUIDOS network-manager compatible discovery: announces our identity to the multicast group every
 * interval and turns the announcements of others into peers that expire unless repeated.
 */
public final class MulticastDiscovery implements DiscoveryMechanism {
  private static final System.Logger LOG = System.getLogger(MulticastDiscovery.class.getName());

  private final MulticastSettings settings;
  private final Announcement self;
  private final PeerTable table;
  private final AnnouncementStats stats;
  private final MulticastChannel.Factory channels;
  private final ScheduledExecutorService scheduler;
  private final Executor receiveThread;
  private final AnnouncementCodec codec;
  private final byte[] ownPayload;
  private volatile MulticastChannel channel;
  private volatile boolean running;
  private volatile boolean lastSendFailed;
  private boolean lastReceiveFailed;
  private ScheduledFuture<?> announcing;

  /**
   * @param receiveThread runs the blocking receive loop for as long as discovery runs
   */
  public MulticastDiscovery(
      MulticastSettings settings,
      Announcement self,
      PeerTable table,
      AnnouncementStats stats,
      MulticastChannel.Factory channels,
      ScheduledExecutorService scheduler,
      Executor receiveThread) {
    this.settings = settings;
    this.self = self;
    this.table = table;
    this.stats = stats;
    this.channels = channels;
    this.scheduler = scheduler;
    this.receiveThread = receiveThread;
    this.codec = new AnnouncementCodec(settings.maxDatagramBytes());
    this.ownPayload = codec.encode(self);
  }

  @Override
  public String name() {
    return "multicast";
  }

  @Override
  public synchronized void start() throws IOException {
    channel = channels.open(settings);
    running = true;
    LOG.log(
        System.Logger.Level.INFO,
        () ->
            "announcing "
                + new String(ownPayload, java.nio.charset.StandardCharsets.UTF_8)
                + " to "
                + settings.group().getHostAddress()
                + ":"
                + settings.port()
                + " every "
                + settings.interval());
    receiveThread.execute(this::receiveLoop);
    long millis = settings.interval().toMillis();
    announcing =
        scheduler.scheduleAtFixedRate(
            Guarded.task("multicast announcement", this::announce),
            0,
            millis,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (announcing != null) {
      announcing.cancel(false);
    }
    if (channel != null) {
      channel.close();
    }
  }

  void announce() {
    try {
      channel.send(ownPayload);
      stats.sent();
      lastSendFailed = false;
    } catch (IOException e) {
      stats.sendFailed();
      if (!lastSendFailed) {
        // Logged when sending starts failing, not every 5 s while it does.
        LOG.log(System.Logger.Level.WARNING, "cannot send multicast announcement: " + e);
      }
      lastSendFailed = true;
    }
  }

  private void receiveLoop() {
    // One byte more than accepted, so an oversized datagram shows as such instead of truncated.
    byte[] buffer = new byte[settings.maxDatagramBytes() + 1];
    while (running && !Thread.currentThread().isInterrupted()) {
      try {
        MulticastChannel.Received received = channel.receive(buffer);
        lastReceiveFailed = false;
        handle(buffer, received.length(), received.sender());
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        stats.received(ReceiveOutcome.RECEIVE_ERROR);
        if (!lastReceiveFailed) {
          // Logged when receiving starts failing, not every second while it does.
          LOG.log(System.Logger.Level.WARNING, "multicast receive failed, retrying every 1 s", e);
        }
        lastReceiveFailed = true;
        pauseAfterError();
      }
    }
  }

  /** Decodes and applies one datagram; never throws for any content. */
  ReceiveOutcome handle(byte[] data, int length, SocketAddress sender) {
    ReceiveOutcome outcome = apply(codec.decode(data, length), sender);
    stats.received(outcome);
    return outcome;
  }

  private ReceiveOutcome apply(AnnouncementCodec.Decoded decoded, SocketAddress sender) {
    if (decoded instanceof AnnouncementCodec.Rejected rejected) {
      // Debug only: anyone on the link can send these, and a flood must not flood the log.
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> "dropped announcement from " + sender + ": " + rejected.reason());
      return rejected.outcome();
    }
    Announcement announcement = ((AnnouncementCodec.Valid) decoded).announcement();
    if (announcement.nodeId().equals(self.nodeId())) {
      return ReceiveOutcome.OWN;
    }
    PeerTable.Admission admission =
        table.announced(
            PeerSource.MULTICAST,
            announcement.nodeId(),
            announcement.domain(),
            announcement.address(),
            settings.expiry());
    return admission == PeerTable.Admission.TABLE_FULL
        ? ReceiveOutcome.TABLE_FULL
        : ReceiveOutcome.ACCEPTED;
  }

  private static void pauseAfterError() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
