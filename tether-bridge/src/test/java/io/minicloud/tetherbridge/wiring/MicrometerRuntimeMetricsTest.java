package io.minicloud.tetherbridge.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.minicloud.mapper.api.ErrorKind;
import org.junit.jupiter.api.Test;

/** The core's counters under their contract names (Prometheus adds {@code _total}). */
class MicrometerRuntimeMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MicrometerRuntimeMetrics metrics = new MicrometerRuntimeMetrics(registry);

  @Test
  void pushSignalsAreCountedPerLinkAndDevice() {
    metrics.pushed("coap:coap://10.0.0.7:5683", "greenhouse");
    metrics.pushed("coap:coap://10.0.0.7:5683", "greenhouse");
    metrics.pushed("serial:/dev/serial/by-id/usb-Arduino", "uno");
    assertEquals(2.0, count("minicloud_tether_bridge_push_signals", "greenhouse"));
    assertEquals(1.0, count("minicloud_tether_bridge_push_signals", "uno"));
  }

  @Test
  void readsRetriesAndErrorsKeepTheirNames() {
    metrics.read("tcp:127.0.0.1:502", "meter");
    metrics.retry("tcp:127.0.0.1:502", "meter");
    metrics.error("tcp:127.0.0.1:502", "meter", ErrorKind.TIMEOUT);
    assertEquals(1.0, count("minicloud_tether_bridge_reads", "meter"));
    assertEquals(1.0, count("minicloud_tether_bridge_retries", "meter"));
    assertEquals(
        1.0,
        registry
            .get("minicloud_tether_bridge_errors")
            .tags("device", "meter", "kind", ErrorKind.TIMEOUT.tag())
            .counter()
            .count());
  }

  private double count(String name, String device) {
    return registry.get(name).tag("device", device).counter().count();
  }
}
