package io.minicloud.tetherbridge.northbound;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the broker in unit tests: each connect either fails as scripted or gives a {@link
 * Connection} the test drives by hand (confirm, reject, drop, deliver), so the forwarder's and
 * sink's edge cases are deterministic. Real brokers are used in the *IT tests.
 */
final class ScriptedConnector implements MqttConnector {
  private final Deque<MqttConnectException> failures = new ArrayDeque<>();
  final List<Connection> connections = new CopyOnWriteArrayList<>();
  final List<ProtocolVersion> attempts = new CopyOnWriteArrayList<>();
  volatile int clientWindow = Integer.MAX_VALUE;

  synchronized void failNext(MqttConnectException.Kind kind, String message) {
    failures.add(new MqttConnectException(kind, message, null));
  }

  @Override
  public MqttConnection connect(ProtocolVersion protocol, MqttConnection.Events events)
      throws MqttConnectException {
    attempts.add(protocol);
    synchronized (this) {
      if (!failures.isEmpty()) {
        throw failures.poll();
      }
    }
    Connection c = new Connection(protocol, events);
    connections.add(c);
    return c;
  }

  @Override
  public String brokerUri() {
    return "tcp://scripted:1883";
  }

  Connection last() {
    return connections.get(connections.size() - 1);
  }

  /** One publish as the fake broker saw it. */
  record Publish(String topic, byte[] payload, PublishCallback callback) {
    String text() {
      return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  final class Connection implements MqttConnection {
    private final ProtocolVersion protocol;
    private final MqttConnection.Events events;
    final List<Publish> published = new CopyOnWriteArrayList<>();
    final List<String> subscribed = new CopyOnWriteArrayList<>();
    private final Deque<Publish> pending = new ArrayDeque<>();
    volatile boolean open = true;
    volatile boolean closed;

    Connection(ProtocolVersion protocol, MqttConnection.Events events) {
      this.protocol = protocol;
      this.events = events;
    }

    @Override
    public ProtocolVersion protocol() {
      return protocol;
    }

    @Override
    public synchronized boolean publish(
        String topic, byte[] payload, int qos, boolean retain, PublishCallback callback) {
      if (!open || pending.size() >= clientWindow) {
        return false;
      }
      Publish p = new Publish(topic, payload, callback);
      published.add(p);
      pending.add(p);
      return true;
    }

    @Override
    public void subscribe(List<String> filters, int qos, Duration timeout) {
      subscribed.addAll(filters);
    }

    @Override
    public void close() {
      closed = true;
      open = false;
    }

    synchronized int pending() {
      return pending.size();
    }

    /** PUBACKs for the oldest {@code n} pending publishes, in order, as a broker sends them. */
    void confirm(int n) {
      List<Publish> acked = new ArrayList<>();
      synchronized (this) {
        for (int i = 0; i < n && !pending.isEmpty(); i++) {
          acked.add(pending.poll());
        }
      }
      acked.forEach(p -> p.callback().confirmed());
    }

    void rejectOldest(int reasonCode) {
      Publish p;
      synchronized (this) {
        p = pending.poll();
      }
      p.callback().rejected(reasonCode);
    }

    /** The connection drops: pending publishes fail, then the loss is reported, as Paho does. */
    void drop(String reason) {
      List<Publish> failed;
      synchronized (this) {
        open = false;
        failed = new ArrayList<>(pending);
        pending.clear();
      }
      failed.forEach(p -> p.callback().failed(new IllegalStateException(reason)));
      events.connectionLost(this, reason);
    }

    void deliver(String topic, byte[] payload) {
      events.messageArrived(topic, payload);
    }
  }
}
