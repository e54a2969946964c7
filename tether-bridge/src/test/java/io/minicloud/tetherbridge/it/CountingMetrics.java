package io.minicloud.tetherbridge.it;

import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.tetherbridge.runtime.RuntimeMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the runtime reports through its metrics interface, per device and link. */
public final class CountingMetrics implements RuntimeMetrics {
  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  private void add(String key) {
    counters.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  private long get(String key) {
    LongAdder adder = counters.get(key);
    return adder == null ? 0 : adder.sum();
  }

  @Override
  public void polled(String link, String device, long nanos) {
    add("polls/" + device);
  }

  @Override
  public void read(String link, String device) {
    add("reads/" + device);
  }

  @Override
  public void error(String link, String device, ErrorKind kind) {
    add("errors/" + device + "/" + kind.tag());
  }

  @Override
  public void retry(String link, String device) {
    add("retries/" + device);
  }

  @Override
  public void reconnect(String link) {
    add("reconnects/" + link);
  }

  @Override
  public void busy(String link, long nanos) {
    add("requests/" + link);
    counters.computeIfAbsent("busy-nanos/" + link, k -> new LongAdder()).add(nanos);
  }

  @Override
  public void write(String link, String device, boolean ok) {
    add("writes/" + device + "/" + (ok ? "ok" : "failed"));
  }

  @Override
  public void pushed(String link, String device) {
    add("pushed/" + device);
  }

  /** Push signals a device's driver gave. */
  public long pushed(String device) {
    return get("pushed/" + device);
  }

  /** Polls of a device that finished (answered or not). */
  public long polls(String device) {
    return get("polls/" + device);
  }

  /** Properties of a device read with a GOOD value. */
  public long reads(String device) {
    return get("reads/" + device);
  }

  /** Readings of a device that failed with {@code kind} (per property). */
  public long errors(String device, ErrorKind kind) {
    return get("errors/" + device + "/" + kind.tag());
  }

  /** Requests repeated after a corrupt reply. */
  public long retries(String device) {
    return get("retries/" + device);
  }

  /** Writes to a device that the device acknowledged ({@code ok}) or refused. */
  public long writes(String device, boolean ok) {
    return get("writes/" + device + "/" + (ok ? "ok" : "failed"));
  }

  public long reconnects(String link) {
    return get("reconnects/" + link);
  }

  /** How long the link carried requests (send to last reply byte), in all. */
  public long busyNanos(String link) {
    return get("busy-nanos/" + link);
  }

  /** Requests the link carried (one per exchange on the wire). */
  public long requests(String link) {
    return get("requests/" + link);
  }
}
