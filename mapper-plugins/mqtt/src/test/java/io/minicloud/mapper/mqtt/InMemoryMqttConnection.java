package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.json.JsonPayloadParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A broker connection in memory: the test delivers messages, and sees what was subscribed and
 * published. It stores readings in the real {@link LatestReadings}, so what a device sends goes
 * through the same parsing and extraction as on a real connection.
 */
final class InMemoryMqttConnection implements MqttConnection {
  /** One publish the driver made. */
  record Published(String topic, String payload, int qos) {}

  private final MqttConnectionSettings settings;
  private final LatestReadings readings = new LatestReadings(new JsonPayloadParser());
  private final Supplier<Instant> clock;
  private final List<String> subscriptions = new ArrayList<>();
  private final List<Published> published = new ArrayList<>();
  private boolean open = true;

  InMemoryMqttConnection(MqttConnectionSettings settings, Supplier<Instant> clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** A message from the device, arriving now. */
  LatestReadings.Delivery deliver(String topic, byte[] payload) {
    return readings.accept(topic, payload, clock.get());
  }

  LatestReadings.Delivery deliver(String topic, String payload) {
    return deliver(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The broker went away. */
  void lose() {
    open = false;
  }

  List<String> subscriptions() {
    return List.copyOf(subscriptions);
  }

  List<Published> published() {
    return List.copyOf(published);
  }

  @Override
  public MqttConnectionSettings settings() {
    return settings;
  }

  @Override
  public void watch(Collection<PropertyWatch> watches, int qos, long timeoutMillis) {
    readings.register(watches);
    watches.forEach(w -> subscriptions.add(w.filter().text() + "@" + qos));
  }

  @Override
  public Optional<Reading> latest(WatchKey key) {
    return readings.latest(key);
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, long timeoutMillis)
      throws IOException {
    if (!open) {
      throw new IOException("in-memory broker is gone");
    }
    published.add(new Published(topic, new String(payload, StandardCharsets.UTF_8), qos));
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
