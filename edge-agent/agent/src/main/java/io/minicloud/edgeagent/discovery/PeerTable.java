package io.minicloud.edgeagent.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Every peer this agent knows, whatever found it. Thread-safe: mechanisms write from their own
 * threads; listeners are called after the lock is released, on the writer's thread.
 */
public final class PeerTable {
  private static final System.Logger LOG = System.getLogger(PeerTable.class.getName());
  private static final Comparator<Peer> BY_NODE_ID =
      Comparator.comparing(Peer::nodeId, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Peer::address);

  /** What {@link #announced} did with an announcement. */
  public enum Admission {
    ADDED,
    REFRESHED,
    /** The table holds {@code capacity} peers, none expired; the newcomer was dropped. */
    TABLE_FULL
  }

  private final Clock clock;
  private final int capacity;
  private final Duration forgetExpiredAfter;
  private final Map<String, PeerEntry> entries = new HashMap<>();
  private final List<Consumer<PeerEvent>> listeners = new CopyOnWriteArrayList<>();
  private final LongAdder droppedFull = new LongAdder();
  private final LongAdder listenerFailures = new LongAdder();

  /**
   * @param capacity the most peers kept, so a flood of made-up node IDs cannot exhaust memory
   * @param forgetExpiredAfter how long an expired peer stays visible before it is removed
   */
  public PeerTable(Clock clock, int capacity, Duration forgetExpiredAfter) {
    if (capacity < 1) {
      throw new IllegalArgumentException("peer table capacity must be at least 1: " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
    this.forgetExpiredAfter = forgetExpiredAfter;
  }

  public void addListener(Consumer<PeerEvent> listener) {
    listeners.add(listener);
  }

  /** A peer announced itself through {@code source}; what it said holds for {@code ttl}. */
  public Admission announced(
      PeerSource source, String nodeId, String domain, String address, Duration ttl) {
    List<PeerEvent> events = new ArrayList<>(1);
    Admission admission;
    synchronized (this) {
      Instant now = clock.instant();
      PeerEntry entry = entries.get(nodeId);
      if (entry == null) {
        // A manual peer configured without node ID becomes this node once it announces itself.
        entry = entries.remove(PeerEntry.key(null, address));
      }
      if (entry == null && !makeRoom(events)) {
        droppedFull.increment();
        return Admission.TABLE_FULL;
      }
      Peer before = entry == null ? null : entry.snapshot();
      if (entry == null) {
        entry = new PeerEntry(nodeId, domain, address, now, PeerState.LIVE);
      }
      entry.nodeId = nodeId;
      entry.domain = domain;
      entry.address = address;
      entry.lastSeen = now;
      // For a manual peer the probe knows more (a 503 means not ready), so it keeps the state.
      if (!entry.expiresAt.containsKey(PeerSource.MANUAL) || entry.state == PeerState.EXPIRED) {
        entry.state = PeerState.LIVE;
        entry.lastError = null;
      }
      entry.expiredAt = null;
      entry.expiresAt.put(source, now.plus(ttl));
      entries.put(entry.key(), entry);
      admission = before == null ? Admission.ADDED : Admission.REFRESHED;
      changed(before, entry, events);
    }
    fire(events);
    return admission;
  }

  /** An operator-listed peer; it never expires, and {@link #probed} sets its state. */
  public Admission addManual(String address, Optional<String> nodeId) {
    List<PeerEvent> events = new ArrayList<>(1);
    Admission admission;
    synchronized (this) {
      PeerEntry entry = entries.get(PeerEntry.key(nodeId.orElse(null), address));
      if (entry == null && !makeRoom(events)) {
        droppedFull.increment();
        return Admission.TABLE_FULL;
      }
      Peer before = entry == null ? null : entry.snapshot();
      if (entry == null) {
        entry =
            new PeerEntry(
                nodeId.orElse(null), null, address, clock.instant(), PeerState.UNREACHABLE);
        entry.lastError = "not probed yet";
        entries.put(entry.key(), entry);
      }
      entry.expiresAt.put(PeerSource.MANUAL, null);
      admission = before == null ? Admission.ADDED : Admission.REFRESHED;
      changed(before, entry, events);
    }
    fire(events);
    return admission;
  }

  /** The result of probing a manual peer's REAR gateway; lastSeen moves when it answered. */
  public void probed(String address, Optional<String> nodeId, PeerState state, String error) {
    List<PeerEvent> events = new ArrayList<>(1);
    synchronized (this) {
      PeerEntry entry = findManual(address, nodeId);
      if (entry == null) {
        return;
      }
      Peer before = entry.snapshot();
      if (state == PeerState.LIVE || state == PeerState.NOT_READY) {
        entry.lastSeen = clock.instant();
      }
      entry.state = state;
      entry.lastError = error;
      changed(before, entry, events);
    }
    fire(events);
  }

  /** A source said the peer left (an mDNS goodbye): that source's word runs out now. */
  public void withdrawn(PeerSource source, String nodeId) {
    synchronized (this) {
      PeerEntry entry = entries.get(nodeId);
      if (entry == null || !entry.expiresAt.containsKey(source)) {
        return;
      }
      entry.expiresAt.put(source, clock.instant());
    }
    sweep();
  }

  /** Marks peers whose every source ran out as expired, and forgets long-expired ones. */
  public void sweep() {
    List<PeerEvent> events = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      for (Iterator<PeerEntry> it = entries.values().iterator(); it.hasNext(); ) {
        PeerEntry entry = it.next();
        if (entry.state != PeerState.EXPIRED && !entry.hasActiveSource(now)) {
          Peer before = entry.snapshot();
          entry.state = PeerState.EXPIRED;
          entry.expiredAt = now;
          changed(before, entry, events);
        } else if (entry.state == PeerState.EXPIRED
            && !now.isBefore(entry.expiredAt.plus(forgetExpiredAfter))) {
          it.remove();
          events.add(new PeerEvent(PeerEvent.Kind.REMOVED, entry.snapshot()));
        }
      }
    }
    fire(events);
  }

  /** Every peer, sorted by node ID (peers without one last, by address). */
  public synchronized List<Peer> peers() {
    return entries.values().stream().map(PeerEntry::snapshot).sorted(BY_NODE_ID).toList();
  }

  /** How many peers are in {@code state} and were heard through {@code source}. */
  public synchronized long count(PeerState state, PeerSource source) {
    return entries.values().stream()
        .filter(e -> e.state == state && e.expiresAt.containsKey(source))
        .count();
  }

  /** Newcomers dropped because the table was full. */
  public long droppedBecauseFull() {
    return droppedFull.sum();
  }

  public long listenerFailures() {
    return listenerFailures.sum();
  }

  /**
   * True when a newcomer fits, evicting the expired peer last seen longest ago if the table is
   * full: a flood of made-up node IDs expires after 10 s and must not keep real peers out for the
   * retention time.
   */
  private boolean makeRoom(List<PeerEvent> events) {
    if (entries.size() < capacity) {
      return true;
    }
    var oldest =
        entries.values().stream()
            .filter(e -> e.state == PeerState.EXPIRED)
            .min(
                Comparator.comparing(
                    (PeerEntry e) -> e.lastSeen, Comparator.nullsFirst(Comparator.naturalOrder())));
    oldest.ifPresent(
        e -> {
          entries.remove(e.key());
          events.add(new PeerEvent(PeerEvent.Kind.REMOVED, e.snapshot()));
        });
    return oldest.isPresent();
  }

  private PeerEntry findManual(String address, Optional<String> nodeId) {
    if (nodeId.isPresent()) {
      return entries.get(nodeId.get());
    }
    return entries.values().stream()
        .filter(e -> e.address.equals(address) && e.expiresAt.containsKey(PeerSource.MANUAL))
        .findFirst()
        .orElse(null);
  }

  private static void changed(Peer before, PeerEntry after, List<PeerEvent> events) {
    if (before == null) {
      events.add(new PeerEvent(PeerEvent.Kind.ADDED, after.snapshot()));
    } else if (!after.sameAs(before)) {
      events.add(new PeerEvent(PeerEvent.Kind.UPDATED, after.snapshot()));
    }
  }

  private void fire(List<PeerEvent> events) {
    for (PeerEvent event : events) {
      for (Consumer<PeerEvent> listener : listeners) {
        try {
          listener.accept(event);
        } catch (RuntimeException e) {
          // One broken listener must not stop discovery or the other listeners.
          listenerFailures.increment();
          LOG.log(System.Logger.Level.WARNING, "peer listener failed on " + event, e);
        }
      }
    }
  }
}
