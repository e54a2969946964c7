package io.minicloud.edgeagent.inventory;

import java.time.Instant;
import java.util.List;

/**
 * A field device bridged by a tether-bridge (its REST {@code /api/v1/devices} and MQTT state).
 *
 * @param id the device name from its KubeEdge Device file, unique per bridge node
 * @param node the node whose tether-bridge owns it
 * @param model the KubeEdge DeviceModel name
 * @param protocol the mapper plugin / access protocol: {@code modbus}, {@code coap}, {@code mqtt},
 *     {@code firmata}, {@code tether-v1}
 * @param health {@code online}, {@code unhealthy} or {@code offline}
 * @param lastSeen when a reading last succeeded, null if never
 * @param properties the readable properties the device offers
 */
public record DeviceRecord(
    String id,
    String node,
    String model,
    String protocol,
    String health,
    Instant lastSeen,
    List<PropertyRecord> properties) {

  public DeviceRecord {
    properties = List.copyOf(properties);
  }

  public boolean online() {
    return "online".equals(health);
  }

  /**
   * A device property.
   *
   * @param name property name (e.g. {@code temperature})
   * @param type value type ({@code FLOAT}, {@code INT}, {@code BOOLEAN}, {@code STRING})
   * @param unit measurement unit, "" when none
   * @param samplingMillis the collect cycle in milliseconds, 0 when only pushed or on demand
   * @param writable whether it can be set
   */
  public record PropertyRecord(
      String name, String type, String unit, long samplingMillis, boolean writable) {}
}
