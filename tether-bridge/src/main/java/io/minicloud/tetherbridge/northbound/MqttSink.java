package io.minicloud.tetherbridge.northbound;

import io.minicloud.tetherbridge.northbound.MqttConnectException.Kind;
import io.minicloud.tetherbridge.runtime.Backoff;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The connection to the northbound broker, kept up by its own thread: connects (MQTT 5, or 3.1.1
 * when the broker refuses 5 and the protocol is auto), subscribes to every registered filter after
 * each connect, and reconnects with {@link Backoff} after a loss. Paho's automatic reconnect is
 * off: the sink owns reconnecting, so it can count it and report the reason of each failure.
 */
public final class MqttSink implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MqttSink.class);
  private static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(10);

  /** Told about connection changes, on the sink's thread. */
  public interface Listener {
    default void connected(ProtocolVersion protocol) {}

    default void disconnected(String reason) {}
  }

  /** Receives every message arriving on the sink's subscriptions, on the MQTT client's thread. */
  public interface MessageListener {
    void messageArrived(String topic, byte[] payload);
  }

  private final NorthboundOptions options;
  private final MqttConnector connector;
  private final Backoff backoff;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final Object signal = new Object();
  private final Set<MqttConnection> lostEarly = new HashSet<>();
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final AtomicLong connectionsLost = new AtomicLong();

  /** The current connection and its number in {@link #generation()}. */
  private record Live(MqttConnection connection, long generation) {}

  private volatile Live current;
  private MqttConnection lost;
  private volatile ProtocolVersion chosen;
  private volatile String lastError;
  private volatile boolean closed;
  private Thread thread;

  /**
   * @throws IllegalArgumentException when the TLS files cannot be used (names the file and why)
   */
  public MqttSink(NorthboundOptions options) {
    this(options, new PahoConnector(options), options.reconnect().backoff(new Random()));
  }

  MqttSink(NorthboundOptions options, MqttConnector connector, Backoff backoff) {
    this.options = options;
    this.connector = connector;
    this.backoff = backoff;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  private record Subscription(TopicFilter filter, MessageListener listener) {}

  /**
   * Subscribes (QoS 1) from the next connect on, and after every reconnect; {@code listener} gets
   * the messages matching {@code filter}.
   */
  public void subscribe(String filter, MessageListener listener) {
    subscriptions.add(new Subscription(new TopicFilter(filter), listener));
    Live live = current;
    if (live != null) {
      try {
        live.connection().subscribe(List.of(filter), 1, SUBSCRIBE_TIMEOUT);
      } catch (MqttSinkException e) {
        LOG.warnf("%s; it is retried after the next reconnect", e.getMessage());
      }
    }
  }

  /** Starts connecting in the background; returns at once. */
  public synchronized void start() {
    if (thread != null || closed) {
      return;
    }
    thread = new Thread(this::run, "northbound-connector");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits until connected; false after {@code timeout}. */
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (signal) {
      while (current == null && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        signal.wait(Math.max(1, left / 1_000_000));
      }
      return current != null;
    }
  }

  /**
   * Hands a message to connection number {@code generation}. False when that connection is gone
   * (even if a newer one is up: what was sent on the old one must be resent first, in order) or its
   * in-flight window is full; the callback is then not called and the caller keeps the message.
   */
  public boolean publish(
      long generation,
      String topic,
      byte[] payload,
      int qos,
      boolean retain,
      PublishCallback callback)
      throws MqttSinkException {
    Live live = current;
    return live != null
        && live.generation() == generation
        && live.connection().publish(topic, payload, qos, retain, callback);
  }

  public boolean isConnected() {
    return current != null;
  }

  /**
   * The number of the current connection, counting from 1; 0 before the first. A new number means
   * "resend what the last connection did not confirm".
   */
  public long generation() {
    Live live = current;
    return live == null ? generation.get() : live.generation();
  }

  /** Connections established after the first one. */
  public long reconnects() {
    return reconnects.get();
  }

  public long connectFailures() {
    return connectFailures.get();
  }

  public long connectionsLost() {
    return connectionsLost.get();
  }

  /** Why the last attempt failed or the last connection dropped; empty while connected. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** The version in use, or decided on by auto; empty before the first connection. */
  public Optional<ProtocolVersion> protocol() {
    Live live = current;
    return Optional.ofNullable(live != null ? live.connection().protocol() : chosen);
  }

  public NorthboundOptions options() {
    return options;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      closed = true;
      t = thread;
    }
    synchronized (signal) {
      signal.notifyAll();
    }
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Live live = current;
    current = null;
    if (live != null) {
      live.connection().close();
    }
  }

  private void run() {
    while (!closed) {
      try {
        closeLost();
        if (current != null) {
          synchronized (signal) {
            while (current != null && lost == null && !closed) {
              signal.wait();
            }
          }
          continue;
        }
        establish();
      } catch (MqttConnectException e) {
        connectFailures.incrementAndGet();
        lastError = e.getMessage();
        Duration delay = Duration.ofMillis(backoff.nextDelayMillis());
        LOG.warnf("%s; next attempt in %d ms", e.getMessage(), delay.toMillis());
        pause(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // a bug must not end reconnecting for the life of the process
        connectFailures.incrementAndGet();
        lastError = "unexpected: " + e;
        LOG.errorf(e, "northbound broker %s: unexpected error in the connect loop", uri());
        pause(Duration.ofMillis(backoff.nextDelayMillis()));
      }
    }
    closeLost();
  }

  private void establish() throws MqttConnectException {
    MqttConnection c = connect();
    List<String> filters = subscriptions.stream().map(s -> s.filter().filter()).distinct().toList();
    if (!filters.isEmpty()) {
      try {
        c.subscribe(filters, 1, SUBSCRIBE_TIMEOUT);
      } catch (MqttSinkException e) {
        c.close();
        throw new MqttConnectException(Kind.OTHER, e.getMessage(), e);
      }
    }
    Live live;
    synchronized (signal) {
      boolean droppedAlready = lostEarly.remove(c);
      // losses of connections that never became current matter only for the one just made
      lostEarly.clear();
      if (droppedAlready || closed) {
        c.close();
        throw new MqttConnectException(
            Kind.OTHER, "northbound broker " + uri() + ": connection dropped right away", null);
      }
      live = new Live(c, generation.incrementAndGet());
      lastError = null;
      current = live;
      signal.notifyAll();
    }
    boolean again = live.generation() > 1;
    if (again) {
      reconnects.incrementAndGet();
    }
    backoff.reset();
    LOG.infof(
        "northbound broker %s: %s with %s as client '%s'",
        uri(), again ? "reconnected" : "connected", c.protocol().label(), options.clientId());
    for (Listener l : listeners) {
      l.connected(c.protocol());
    }
  }

  /** Connects with the configured version; in auto, falls back to 3.1.1 once, for good. */
  private MqttConnection connect() throws MqttConnectException {
    ProtocolVersion wanted = options.protocol();
    if (wanted == ProtocolVersion.AUTO) {
      wanted = chosen == null ? ProtocolVersion.V5 : chosen;
    }
    try {
      MqttConnection c = connector.connect(wanted, events);
      if (options.protocol() == ProtocolVersion.AUTO) {
        chosen = wanted;
      }
      return c;
    } catch (MqttConnectException e) {
      boolean fallback =
          options.protocol() == ProtocolVersion.AUTO
              && chosen == null
              && e.kind() == Kind.REFUSED_PROTOCOL;
      if (!fallback) {
        throw e;
      }
      LOG.infof("%s; trying MQTT 3.1.1", e.getMessage());
      MqttConnection c = connector.connect(ProtocolVersion.V3_1_1, events);
      chosen = ProtocolVersion.V3_1_1;
      LOG.infof("northbound broker %s speaks MQTT 3.1.1 only: using it until restart", uri());
      return c;
    }
  }

  private final MqttConnection.Events events =
      new MqttConnection.Events() {
        @Override
        public void connectionLost(MqttConnection connection, String reason) {
          onLost(connection, reason);
        }

        @Override
        public void messageArrived(String topic, byte[] payload) {
          for (Subscription s : subscriptions) {
            if (s.filter().matches(topic)) {
              s.listener().messageArrived(topic, payload);
            }
          }
        }
      };

  private void onLost(MqttConnection connection, String reason) {
    synchronized (signal) {
      Live live = current;
      if (live == null || live.connection() != connection) {
        lostEarly.add(connection);
        return;
      }
      current = null;
      lost = connection;
      signal.notifyAll();
    }
    connectionsLost.incrementAndGet();
    lastError = "connection lost: " + reason;
    LOG.warnf("northbound broker %s: connection lost (%s)", uri(), reason);
    for (Listener l : listeners) {
      l.disconnected(reason);
    }
  }

  /** Frees a dropped client here, never on Paho's own thread (closing it there deadlocks). */
  private void closeLost() {
    MqttConnection gone;
    synchronized (signal) {
      gone = lost;
      lost = null;
    }
    if (gone != null) {
      gone.close();
    }
  }

  private void pause(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    synchronized (signal) {
      long left;
      while (!closed && (left = deadline - System.nanoTime()) > 0) {
        try {
          signal.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private String uri() {
    return connector.brokerUri();
  }
}
