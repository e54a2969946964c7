package io.minicloud.tetherbridge.wiring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.tetherbridge.runtime.RuntimeMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The core's counters as Prometheus meters, per link and device (low cardinality: a gateway has
 * tens of devices, not thousands). Names are part of the contract (docs/api/metrics.md):
 *
 * <pre>
 * minicloud_tether_bridge_reads_total{link,device}
 * minicloud_tether_bridge_errors_total{link,device,kind}
 * minicloud_tether_bridge_retries_total{link,device}
 * minicloud_tether_bridge_reconnects_total{link}
 * minicloud_tether_bridge_writes_total{link,device,result}
 * minicloud_tether_bridge_poll_latency_seconds{link,device}   (histogram)
 * minicloud_tether_bridge_link_busy_seconds_total{link}       (rate() = bus utilisation)
 * minicloud_tether_bridge_push_signals_total{link,device}      (values a device pushed)
 * </pre>
 */
final class MicrometerRuntimeMetrics implements RuntimeMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  MicrometerRuntimeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  private Counter counter(String key, Function<String, Counter> make) {
    return counters.computeIfAbsent(key, make);
  }

  @Override
  public void polled(String link, String device, long nanos) {
    timers
        .computeIfAbsent(
            link + "\0" + device,
            k ->
                Timer.builder("minicloud_tether_bridge_poll_latency")
                    .description(
                        "Time of one poll of a device (all its due properties, merged requests)")
                    .tags("link", link, "device", device)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void read(String link, String device) {
    counter(
            "r\0" + link + "\0" + device,
            k ->
                Counter.builder("minicloud_tether_bridge_reads")
                    .description("Properties read successfully")
                    .tags("link", link, "device", device)
                    .register(registry))
        .increment();
  }

  @Override
  public void error(String link, String device, ErrorKind kind) {
    counter(
            "e\0" + link + "\0" + device + "\0" + kind,
            k ->
                Counter.builder("minicloud_tether_bridge_errors")
                    .description("Failed property reads and device requests, by kind")
                    .tags("link", link, "device", device, "kind", kind.tag())
                    .register(registry))
        .increment();
  }

  @Override
  public void retry(String link, String device) {
    counter(
            "t\0" + link + "\0" + device,
            k ->
                Counter.builder("minicloud_tether_bridge_retries")
                    .description("Requests repeated after a corrupt reply")
                    .tags("link", link, "device", device)
                    .register(registry))
        .increment();
  }

  @Override
  public void pushed(String link, String device) {
    counter(
            "p\0" + link + "\0" + device,
            k ->
                Counter.builder("minicloud_tether_bridge_push_signals")
                    .description("Times a device pushed new values (CoAP Observe, Firmata reports)")
                    .tags("link", link, "device", device)
                    .register(registry))
        .increment();
  }

  @Override
  public void reconnect(String link) {
    counter(
            "c\0" + link,
            k ->
                Counter.builder("minicloud_tether_bridge_reconnects")
                    .description("Link connections re-established after a failure")
                    .tags("link", link)
                    .register(registry))
        .increment();
  }

  @Override
  public void busy(String link, long nanos) {
    counter(
            "b\0" + link,
            k ->
                Counter.builder("minicloud_tether_bridge_link_busy_seconds")
                    .description(
                        "Seconds the link carried a request; rate() is the bus utilisation")
                    .tags("link", link)
                    .register(registry))
        .increment(nanos / 1e9);
  }

  @Override
  public void write(String link, String device, boolean ok) {
    String result = ok ? "ok" : "failed";
    counter(
            "w\0" + link + "\0" + device + "\0" + result,
            k ->
                Counter.builder("minicloud_tether_bridge_writes")
                    .description("Writes to devices")
                    .tags("link", link, "device", device, "result", result)
                    .register(registry))
        .increment();
  }
}
