package io.minicloud.tetherbridge.store;

import io.minicloud.tetherbridge.store.OutboundTable.Rows;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The bounded, on-disk queue between the core and a sink (SQLite in WAL mode, one file under the
 * data directory). A message stays until the sink confirms it ({@link #acknowledge}), so everything
 * unconfirmed survives a restart of the process, in order. Sending order is priority (highest
 * first), then sequence: the messages of one device at one priority keep their order.
 *
 * <p>A producer is never blocked for longer than one SQLite transaction: when full, the queue drops
 * the lowest priority, oldest messages (or the new one, when it is the least important) and counts
 * drops per {@link DropReason}. Thread-safe; all access goes through one connection and one lock.
 */
public final class DurableQueue implements AutoCloseable {
  public static final String FILE_NAME = "outbound-queue.db";

  /** Expired messages are swept at most this often by {@link #peek}, and always when full. */
  private static final long SWEEP_INTERVAL_MILLIS = 250;

  private static final int EVICTION_BATCH = 64;

  private final QueueDatabase db;
  private final DurableQueueOptions options;
  private final LongSupplier clock;
  private final Map<DropReason, AtomicLong> dropped = new EnumMap<>(DropReason.class);
  private final Object lock = new Object();
  private volatile Runnable arrivalListener = () -> {};
  private volatile long messages;
  private volatile long bytes;
  private long lastSweepMillis;
  private OutboundTable table;
  private boolean closed;

  public DurableQueue(Path dataDir, DurableQueueOptions options) {
    this(dataDir, options, System::currentTimeMillis);
  }

  /** With a clock (wall-clock milliseconds), for tests of time to live and age. */
  public DurableQueue(Path dataDir, DurableQueueOptions options, LongSupplier clockMillis) {
    this.options = options;
    this.clock = clockMillis;
    for (DropReason r : DropReason.values()) {
      dropped.put(r, new AtomicLong());
    }
    this.db = new QueueDatabase(dataDir.toAbsolutePath().resolve(FILE_NAME));
    synchronized (lock) {
      db.open();
      try {
        recount();
      } catch (SQLException e) {
        throw failure("count the queued messages", e);
      }
    }
  }

  /** Called (outside the queue's lock) after new messages were stored. */
  public void onArrival(Runnable listener) {
    this.arrivalListener = listener;
  }

  /** Stores one message; returns its sequence, or -1 when it was dropped (and counted). */
  public long offer(OutboundMessage message) {
    return offerAll(List.of(message))[0];
  }

  /**
   * Stores messages in one transaction (the fast path for bursts of readings). Returns each
   * message's sequence, or -1 for those dropped (and counted).
   */
  public long[] offerAll(List<OutboundMessage> batch) {
    long[] seqs = new long[batch.size()];
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    boolean stored = false;
    synchronized (lock) {
      ensureOpen();
      long now = clock.getAsLong();
      OutboundTable table = table();
      try {
        PreparedStatement insert = table.insertStatement();
        boolean swept = false;
        for (int i = 0; i < seqs.length; i++) {
          OutboundMessage m = batch.get(i);
          long size = m.sizeBytes();
          seqs[i] = -1;
          if (size > options.maxBytes()) {
            drops.merge(DropReason.TOO_LARGE, 1L, Long::sum);
            continue;
          }
          if (m.expiredAt(now)) {
            drops.merge(DropReason.EXPIRED, 1L, Long::sum);
            continue;
          }
          if (!fits(size) && !swept) {
            // expired messages go before any valid one is evicted
            swept = true;
            drops.merge(DropReason.EXPIRED, remove(table.deleteExpired(now)), Long::sum);
          }
          if (!makeRoom(table, m.priority(), size, drops)) {
            drops.merge(DropReason.FULL, 1L, Long::sum);
            continue;
          }
          seqs[i] = OutboundTable.insert(insert, m, now, size);
          messages++;
          bytes += size;
          stored = true;
        }
        db.connection().commit();
      } catch (SQLException e) {
        throw failure("store " + batch.size() + " message(s)", e);
      }
      drops.forEach(this::count);
    }
    if (stored) {
      arrivalListener.run();
    }
    return seqs;
  }

  /**
   * Up to {@code max} messages in sending order, skipping the sequences in {@code excluding} (those
   * a sink has in flight). Expired messages met on the way are dropped and counted.
   */
  public List<QueuedMessage> peek(int max, Set<Long> excluding) {
    synchronized (lock) {
      ensureOpen();
      long now = clock.getAsLong();
      OutboundTable table = table();
      try {
        long expired = 0;
        if (now - lastSweepMillis >= SWEEP_INTERVAL_MILLIS) {
          lastSweepMillis = now;
          expired += remove(table.deleteExpired(now));
        }
        List<QueuedMessage> out = new ArrayList<>(max);
        List<Long> late = new ArrayList<>();
        for (QueuedMessage q : table.head(max + excluding.size())) {
          if (out.size() == max) {
            break;
          } else if (q.message().expiredAt(now)) {
            late.add(q.seq());
          } else if (!excluding.contains(q.seq())) {
            out.add(q);
          }
        }
        if (!late.isEmpty()) {
          expired += remove(table.delete(late));
        }
        db.connection().commit();
        count(DropReason.EXPIRED, expired);
        return out;
      } catch (SQLException e) {
        throw failure("read messages to send", e);
      }
    }
  }

  /** Deletes confirmed messages in one transaction; returns how many were still there. */
  public int acknowledge(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return 0;
    }
    synchronized (lock) {
      ensureOpen();
      try {
        long deleted = remove(table().delete(seqs));
        db.connection().commit();
        return (int) deleted;
      } catch (SQLException e) {
        throw failure("delete " + seqs.size() + " confirmed message(s)", e);
      }
    }
  }

  public long depthMessages() {
    return messages;
  }

  public long depthBytes() {
    return bytes;
  }

  /** Age of the oldest message still queued, 0 when empty. */
  public long oldestAgeMillis() {
    synchronized (lock) {
      ensureOpen();
      try {
        long oldest = table().oldestEnqueuedAt();
        db.connection().commit();
        return oldest < 0 ? 0 : Math.max(0, clock.getAsLong() - oldest);
      } catch (SQLException e) {
        throw failure("read the oldest message", e);
      }
    }
  }

  public long dropped(DropReason reason) {
    return dropped.get(reason).get();
  }

  /** Corrupt database files moved aside since this queue was opened. */
  public int corruptFilesMovedAside() {
    synchronized (lock) {
      return db.movedAside();
    }
  }

  public Path file() {
    return db.file();
  }

  public DurableQueueOptions options() {
    return options;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        db.close();
      }
    }
  }

  private boolean fits(long size) {
    return messages + 1 <= options.maxMessages() && bytes + size <= options.maxBytes();
  }

  /**
   * Evicts the lowest priority, oldest messages until one of {@code size} bytes fits. False when
   * what is left is more important than the new message, which is then the one to drop.
   */
  private boolean makeRoom(
      OutboundTable table, int priority, long size, Map<DropReason, Long> drops)
      throws SQLException {
    while (!fits(size)) {
      OptionalInt lowest = table.lowestPriority();
      if (lowest.isEmpty() || lowest.getAsInt() > priority) {
        return false;
      }
      for (long victim : table.oldestOf(lowest.getAsInt(), EVICTION_BATCH)) {
        drops.merge(DropReason.FULL, remove(table.delete(List.of(victim))), Long::sum);
        if (fits(size)) {
          break;
        }
      }
    }
    return true;
  }

  private long remove(Rows rows) {
    messages -= rows.messages();
    bytes -= rows.bytes();
    return rows.messages();
  }

  private void recount() throws SQLException {
    Rows totals = table().totals();
    db.connection().commit();
    messages = totals.messages();
    bytes = totals.bytes();
  }

  private OutboundTable table() {
    if (table == null || !table.uses(db.connection())) {
      table = new OutboundTable(db.connection());
    }
    return table;
  }

  private void count(DropReason reason, long n) {
    if (n > 0) {
      dropped.get(reason).addAndGet(n);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("outbound queue " + db.file() + " is closed");
    }
  }

  /**
   * Wraps a database error with the file and the operation, after a rollback. A corrupt file is
   * moved aside and the queue starts empty, so the next call works again; this call still fails.
   */
  private StoreException failure(String operation, SQLException e) {
    String message =
        "outbound queue " + db.file() + ": cannot " + operation + ": " + e.getMessage();
    try {
      db.connection().rollback();
      if (QueueDatabase.isCorruption(e)) {
        db.moveAsideAndReopen(e.getMessage());
        message += " (the corrupt file was moved aside; the queue starts empty)";
      }
      recount();
    } catch (SQLException | RuntimeException cleanup) {
      e.addSuppressed(cleanup);
    }
    return new StoreException(message, e);
  }
}
