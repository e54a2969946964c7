package io.minicloud.tetherbridge.northbound;

import io.minicloud.tetherbridge.store.DurableQueue;
import io.minicloud.tetherbridge.store.OutboundMessage;
import io.minicloud.tetherbridge.store.QueuedMessage;
import io.minicloud.tetherbridge.store.StoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Moves messages from the {@link DurableQueue} to the {@link MqttSink}, in queue order, with up to
 * a window of publishes waiting for their PUBACK. A message is deleted only when confirmed. After a
 * disconnect (or any publish whose outcome is unknown) it starts again from the oldest unconfirmed
 * message: subscribers may see duplicates, never a gap or a device's messages out of order, because
 * one connection keeps publish order and each resend replays the tail in order.
 *
 * <p>The only consumer of its queue. Owns one thread; does not close the queue or the sink.
 */
public final class Forwarder implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Forwarder.class);
  private static final long IDLE_WAIT_MILLIS = 1_000;
  private static final long ERROR_PAUSE_MILLIS = 1_000;

  private final DurableQueue queue;
  private final MqttSink sink;
  private final int window;
  private final LongSupplier clock;
  private final LatencyRecorder latency = new LatencyRecorder();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong confirmed = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong storeErrors = new AtomicLong();
  // confirmed or rejected by the broker, to be deleted by the forwarder's thread
  private final ConcurrentLinkedQueue<Long> done = new ConcurrentLinkedQueue<>();
  // only the forwarder's thread touches these two
  private final Map<Long, QueuedMessage> inFlight = new LinkedHashMap<>();
  private final Set<Long> unconfirmedAtRewind = new HashSet<>();
  private final Object wakeLock = new Object();
  private boolean woken;
  private volatile boolean rewindRequested;
  private volatile int inFlightCount;
  private volatile boolean closed;
  private long sentGeneration = -1;
  private Thread thread;

  /** With the window of the sink's options. */
  public Forwarder(DurableQueue queue, MqttSink sink) {
    this(queue, sink, sink.options().inflightWindow(), System::currentTimeMillis);
  }

  Forwarder(DurableQueue queue, MqttSink sink, int window, LongSupplier clockMillis) {
    this.queue = queue;
    this.sink = sink;
    this.window = window;
    this.clock = clockMillis;
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    queue.onArrival(this::wake);
    sink.addListener(
        new MqttSink.Listener() {
          @Override
          public void connected(ProtocolVersion protocol) {
            wake();
          }

          @Override
          public void disconnected(String reason) {
            wake();
          }
        });
    thread = new Thread(this::run, "northbound-forwarder");
    thread.setDaemon(true);
    thread.start();
  }

  /** Handed to the client, first sends and resends alike. */
  public long published() {
    return published.get();
  }

  /** Confirmations received (PUBACK, or written for QoS 0); a resent message may count twice. */
  public long confirmed() {
    return confirmed.get();
  }

  /** Publishes of messages already sent once on an earlier connection (or before a rewind). */
  public long resent() {
    return resent.get();
  }

  /** Publishes that failed or whose outcome became unknown; those are sent again. */
  public long failed() {
    return failed.get();
  }

  /** Refused by the broker with an MQTT 5 error reason; deleted (a resend cannot help). */
  public long rejected() {
    return rejected.get();
  }

  /** Connections to the broker established after the first (the sink's count). */
  public long reconnects() {
    return sink.reconnects();
  }

  /** Queue errors met (each logged); the forwarder pauses and carries on. */
  public long storeErrors() {
    return storeErrors.get();
  }

  public int inFlight() {
    return inFlightCount;
  }

  public LatencyRecorder latency() {
    return latency;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    wake();
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    while (!closed) {
      try {
        step();
      } catch (StoreException e) {
        storeErrors.incrementAndGet();
        LOG.errorf("forwarder: %s; retrying in %d ms", e.getMessage(), ERROR_PAUSE_MILLIS);
        rewindRequested = true;
        await(ERROR_PAUSE_MILLIS);
      } catch (RuntimeException e) {
        storeErrors.incrementAndGet();
        LOG.errorf(e, "forwarder: unexpected error; retrying in %d ms", ERROR_PAUSE_MILLIS);
        rewindRequested = true;
        await(ERROR_PAUSE_MILLIS);
      }
    }
    try {
      deleteDone();
    } catch (StoreException e) {
      // those messages stay queued and are sent again after the restart: a duplicate, no loss
      LOG.warnf("forwarder: at close: %s", e.getMessage());
    }
  }

  private void step() {
    deleteDone();
    if (!sink.isConnected()) {
      await(IDLE_WAIT_MILLIS);
      return;
    }
    long generation = sink.generation();
    if (generation != sentGeneration || rewindRequested) {
      rewindRequested = false;
      rewind();
      sentGeneration = generation;
    }
    int room = window - inFlight.size();
    if (room > 0) {
      List<QueuedMessage> batch = queue.peek(room, inFlight.keySet());
      int sent = 0;
      for (QueuedMessage q : batch) {
        if (!send(q, generation)) {
          break;
        }
        sent++;
      }
      inFlightCount = inFlight.size();
      if (sent == room) {
        return; // the window was filled: more may be waiting
      }
    }
    await(IDLE_WAIT_MILLIS);
  }

  /** Start again from the oldest unconfirmed message: forget what is in flight. */
  private void rewind() {
    deleteDone();
    unconfirmedAtRewind.addAll(inFlight.keySet());
    inFlight.clear();
    inFlightCount = 0;
    if (unconfirmedAtRewind.size() > 16 * window) {
      // evicted or expired messages would otherwise stay here forever; costs only the count
      unconfirmedAtRewind.clear();
    }
  }

  private boolean send(QueuedMessage q, long generation) {
    OutboundMessage m = q.message();
    inFlight.put(q.seq(), q);
    boolean accepted;
    try {
      accepted = sink.publish(generation, m.topic(), m.payload(), m.qos(), m.retain(), callback(q));
    } catch (MqttSinkException e) {
      inFlight.remove(q.seq());
      failed.incrementAndGet();
      LOG.warnf("forwarder: %s; trying again shortly", e.getMessage());
      await(ERROR_PAUSE_MILLIS / 10);
      return false;
    }
    if (!accepted) {
      inFlight.remove(q.seq());
      return false;
    }
    published.incrementAndGet();
    if (unconfirmedAtRewind.remove(q.seq())) {
      resent.incrementAndGet();
    }
    return true;
  }

  private PublishCallback callback(QueuedMessage q) {
    return new PublishCallback() {
      @Override
      public void confirmed() {
        confirmed.incrementAndGet();
        latency.record(clock.getAsLong() - q.enqueuedAtMillis());
        done.add(q.seq());
        wake();
      }

      @Override
      public void rejected(int reasonCode) {
        rejected.incrementAndGet();
        LOG.warnf(
            "forwarder: broker %s refused message %d to %s (reason code %d); dropping it",
            sink.options().brokerUri(), q.seq(), q.message().topic(), reasonCode);
        done.add(q.seq());
        wake();
      }

      @Override
      public void failed(Throwable cause) {
        failed.incrementAndGet();
        rewindRequested = true;
        wake();
      }
    };
  }

  private void deleteDone() {
    List<Long> seqs = new ArrayList<>();
    for (Long seq; (seq = done.poll()) != null; ) {
      seqs.add(seq);
    }
    if (seqs.isEmpty()) {
      return;
    }
    try {
      queue.acknowledge(seqs);
    } catch (StoreException e) {
      done.addAll(seqs);
      throw e;
    }
    for (Long seq : seqs) {
      inFlight.remove(seq);
      unconfirmedAtRewind.remove(seq);
    }
    inFlightCount = inFlight.size();
  }

  private void wake() {
    synchronized (wakeLock) {
      woken = true;
      wakeLock.notifyAll();
    }
  }

  private void await(long millis) {
    synchronized (wakeLock) {
      try {
        if (!woken && !closed) {
          wakeLock.wait(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
      woken = false;
    }
  }
}
