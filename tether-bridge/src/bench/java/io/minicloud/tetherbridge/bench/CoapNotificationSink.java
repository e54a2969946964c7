package io.minicloud.tetherbridge.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts arrivals carrying a {@code sentNanos} and records their latency (arrival nanoTime minus
 * sentNanos) while recording is on. Used by both paths: the bare Californium client (the CoAP body)
 * and the MQTT subscriber (the bridge's telemetry value).
 */
final class CoapNotificationSink {
  private final AtomicLong count = new AtomicLong();
  private final AtomicReference<long[]> samples = new AtomicReference<>(new long[0]);
  private final AtomicLong recorded = new AtomicLong();

  /** Starts a window: counts from zero, keeps up to {@code max} latencies. */
  void start(int max) {
    samples.set(new long[max]);
    recorded.set(0);
    count.set(0);
  }

  long count() {
    return count.get();
  }

  /** The latencies of the window, microseconds. */
  long[] latenciesMicros() {
    long n = Math.min(recorded.get(), samples.get().length);
    long[] out = new long[(int) n];
    System.arraycopy(samples.get(), 0, out, 0, (int) n);
    return out;
  }

  void arrived(long sentNanos, long arrivalNanos) {
    count.incrementAndGet();
    long i = recorded.getAndIncrement();
    long[] s = samples.get();
    if (i < s.length) {
      s[(int) i] = (arrivalNanos - sentNanos) / 1000;
    }
  }

  /** The number after {@code key} in a JSON text, or -1. */
  static long number(byte[] json, String key) {
    String text = new String(json, StandardCharsets.UTF_8);
    int at = text.indexOf(key);
    if (at < 0) {
      return -1;
    }
    int start = at + key.length();
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == ':')) {
      start++;
    }
    int end = start;
    while (end < text.length() && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == start ? -1 : Long.parseLong(text.substring(start, end));
  }
}
