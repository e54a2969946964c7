package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.json.JsonPayloadParser;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real broker connection (Paho, MQTT 5 or 3.1.1), opened by a device's {@link
 * io.minicloud.mapper.api.LinkSpec.Opener} and shared by every device on that link.
 *
 * <p>Paho's automatic reconnect is off: when the connection is lost, {@link #isOpen()} turns false
 * and stays false, the core closes this object and opens a new one with its backoff, and each
 * driver's {@code attach} subscribes again. Messages arrive on Paho's thread and only update {@link
 * LatestReadings}; reads never wait for the network.
 */
public final class MqttDeviceConnection implements MqttConnection {
  private static final System.Logger LOG = System.getLogger(MqttDeviceConnection.class.getName());

  /** Warn about the 1st dropped payload, then every 100th: one noisy device must not flood logs. */
  private static final long WARN_EVERY = 100;

  private final MqttConnectionSettings settings;
  private final LatestReadings readings;
  private final Clock clock;
  private final Map<String, Integer> subscribed = new ConcurrentHashMap<>();
  private final AtomicLong oversizeDropped = new AtomicLong();
  private volatile PahoClient client;
  private volatile String lostReason;
  private volatile boolean closed;

  private MqttDeviceConnection(MqttConnectionSettings settings, Clock clock) {
    this.settings = settings;
    this.readings = new LatestReadings(new JsonPayloadParser());
    this.clock = clock;
  }

  /**
   * Connects to the broker.
   *
   * @throws IOException naming the broker and the reason, e.g. {@code not authorized}
   */
  public static MqttDeviceConnection open(MqttConnectionSettings settings) throws IOException {
    MqttDeviceConnection connection = new MqttDeviceConnection(settings, Clock.systemUTC());
    connection.client = MqttConnector.connect(settings, connection.new Events());
    LOG.log(Level.INFO, () -> "connected to " + connection.who());
    return connection;
  }

  @Override
  public MqttConnectionSettings settings() {
    return settings;
  }

  /** {@code 5} or {@code 3.1.1}: what the broker accepted. */
  public String protocolVersion() {
    return client.protocolVersion();
  }

  /** Payloads dropped for exceeding the size limit since this connection opened. */
  public long oversizeDropped() {
    return oversizeDropped.get();
  }

  @Override
  public void watch(Collection<PropertyWatch> watches, int qos, long timeoutMillis)
      throws IOException {
    readings.register(watches);
    Map<String, Integer> wanted = new LinkedHashMap<>();
    watches.forEach(w -> wanted.merge(w.filter().text(), qos, Math::max));
    for (Map.Entry<String, Integer> filter : wanted.entrySet()) {
      Integer current = subscribed.get(filter.getKey());
      if (current == null || current < filter.getValue()) {
        requireOpen();
        client.subscribe(filter.getKey(), filter.getValue(), timeoutMillis);
        subscribed.put(filter.getKey(), filter.getValue());
      }
    }
  }

  @Override
  public Optional<Reading> latest(WatchKey key) {
    return readings.latest(key);
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, long timeoutMillis)
      throws IOException {
    requireOpen();
    client.publish(topic, payload, qos, timeoutMillis);
  }

  private void requireOpen() throws IOException {
    if (!isOpen()) {
      throw new IOException(
          "not connected to " + who() + (lostReason == null ? "" : ": " + lostReason));
    }
  }

  private String who() {
    PahoClient current = client;
    return BrokerErrors.who(
        settings, current == null ? settings.protocolVersion().text() : current.protocolVersion());
  }

  @Override
  public boolean isOpen() {
    return !closed && lostReason == null && client.isConnected();
  }

  @Override
  public void close() {
    closed = true;
    client.close();
  }

  /** Paho's events, on Paho's threads. */
  private final class Events implements PahoClient.Listener {
    @Override
    public void messageArrived(String topic, byte[] payload) {
      LatestReadings.Delivery delivery;
      try {
        delivery = readings.accept(topic, payload, clock.instant());
      } catch (RuntimeException e) {
        // a bug of ours must not reach Paho, which would drop the connection for every device
        LOG.log(Level.ERROR, "message on " + topic + " broke the reading store", e);
        return;
      }
      if (delivery == LatestReadings.Delivery.OVERSIZE) {
        long dropped = oversizeDropped.incrementAndGet();
        if (dropped == 1 || dropped % WARN_EVERY == 0) {
          LOG.log(
              Level.WARNING,
              () ->
                  "dropped a "
                      + payload.length
                      + "-byte payload on "
                      + topic
                      + " (limit "
                      + readings.maxPayloadBytes()
                      + " bytes); "
                      + dropped
                      + " dropped on this connection so far");
        }
      }
    }

    @Override
    public void connectionLost(String reason) {
      lostReason = reason == null ? "connection lost" : reason;
      if (!closed) {
        LOG.log(Level.WARNING, () -> "lost " + who() + ": " + lostReason);
      }
    }
  }
}
