package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.Value;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A FAKE shared bus for the runtime's unit tests (scheduling, breaker, reconnect are timing logic
 * that is scripted here deterministically; the real peers — pymodbus, socat, Mosquitto — run in the
 * *IT tests). Units answer from a map, dead units stay silent for the request timeout, the bus can
 * be cut.
 */
final class FakeBus {
  static final Map<String, FakeBus> BUSES = new ConcurrentHashMap<>();

  final Map<String, Value> values = new ConcurrentHashMap<>();
  final Set<Integer> deadUnits = ConcurrentHashMap.newKeySet();
  final Set<Integer> ignoreWrites = ConcurrentHashMap.newKeySet();
  final Map<Integer, AtomicInteger> reads = new ConcurrentHashMap<>();

  /** The push signal each unit's driver was given at its last attach. */
  final Map<Integer, io.minicloud.mapper.api.PushSignal> pushSignals = new ConcurrentHashMap<>();

  /** Every request in the order the bus carried it: {@code r<unit>} or {@code w<unit>}. */
  final java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

  final AtomicInteger connections = new AtomicInteger();
  final AtomicInteger open = new AtomicInteger();
  volatile boolean refuseConnections;
  volatile long requestMillis = 1;
  volatile Conn current;

  static FakeBus named(String name) {
    return BUSES.computeIfAbsent(name, n -> new FakeBus());
  }

  Connection connect() throws IOException {
    if (refuseConnections) {
      throw new IOException("connection refused (fake)");
    }
    connections.incrementAndGet();
    open.incrementAndGet();
    current = new Conn();
    return current;
  }

  /** Cuts the current connection: the next request fails as a dead socket would. */
  void cut() {
    Conn c = current;
    if (c != null) {
      c.close();
    }
  }

  int reads(int unit) {
    return reads.computeIfAbsent(unit, u -> new AtomicInteger()).get();
  }

  Value value(int unit, String key) {
    return values.getOrDefault(unit + "/" + key, DoubleValue.of(0));
  }

  final class Conn implements Connection {
    volatile boolean isOpen = true;

    @Override
    public boolean isOpen() {
      return isOpen;
    }

    @Override
    public void close() {
      if (isOpen) {
        isOpen = false;
        open.decrementAndGet();
      }
    }
  }
}
