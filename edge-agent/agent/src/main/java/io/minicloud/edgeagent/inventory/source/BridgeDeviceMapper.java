package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.DeviceRecord.PropertyRecord;
import io.minicloud.edgeagent.inventory.SourceException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tether-bridge's answers (docs/api/tether-bridge-v1.md) as device records. The bridge's REST
 * API names a device's link, health and readings but not its model, protocol, units or collect
 * cycles; the protocol is read from the link id ({@code coap:...}, {@code mqtt:...}, {@code
 * tcp:...} for Modbus TCP), and the rest from the device file when {@link DeviceFileFacts} could
 * read it, else left empty ("" and 0).
 */
public final class BridgeDeviceMapper {

  static final Set<String> HEALTH = Set.of("online", "unhealthy", "offline", "unknown");

  private BridgeDeviceMapper() {}

  /** One entry of {@code GET /api/v1/devices}. */
  public record Status(String device, String link, String health, Instant lastOnline) {}

  public static List<Status> statuses(JsonNode list) throws SourceException {
    if (list == null || !list.isArray()) {
      throw new SourceException("the device list is not a JSON array");
    }
    List<Status> statuses = new ArrayList<>();
    for (JsonNode s : list) {
      String device = s.path("device").asText("");
      if (!s.isObject() || device.isEmpty()) {
        throw new SourceException("a device list entry has no device name");
      }
      String health = s.path("health").asText("unknown");
      statuses.add(
          new Status(
              device,
              s.path("link").asText(""),
              HEALTH.contains(health) ? health : "unknown",
              instant(s.path("lastOnline").asText(null))));
    }
    return statuses;
  }

  /** The protocol a link id names; {@code serial} when only the port is known. */
  public static String protocol(String linkId) {
    int colon = linkId.indexOf(':');
    String scheme = colon < 0 ? linkId : linkId.substring(0, colon);
    return switch (scheme) {
      case "tcp", "rtu-over-tcp" -> "modbus";
      case "coap", "coaps" -> "coap";
      case "mqtt" -> "mqtt";
      case "serial" -> "serial";
      default -> "";
    };
  }

  /**
   * A device record from its status, its {@code GET /api/v1/devices/{name}} answer (property names
   * and latest readings), and the device file's facts when known.
   */
  public static DeviceRecord toRecord(
      Status status, JsonNode detail, String node, DeviceFileFacts.Facts facts) {
    List<PropertyRecord> properties = new ArrayList<>();
    JsonNode readings = detail.path("properties");
    Iterator<Map.Entry<String, JsonNode>> fields = readings.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      DeviceFileFacts.Property p = facts.properties().get(f.getKey());
      properties.add(
          p != null
              ? new PropertyRecord(f.getKey(), p.type(), p.unit(), p.collectMillis(), p.writable())
              : new PropertyRecord(f.getKey(), typeOf(f.getValue().path("value")), "", 0, false));
    }
    String protocol = facts.protocol().isEmpty() ? protocol(status.link()) : facts.protocol();
    return new DeviceRecord(
        status.device(),
        node,
        facts.model(),
        protocol,
        status.health(),
        status.lastOnline(),
        properties);
  }

  /** KubeEdge's type name for a reading's JSON value; "" when there is no reading yet. */
  static String typeOf(JsonNode value) {
    if (value.isBoolean()) {
      return "BOOLEAN";
    }
    if (value.isIntegralNumber()) {
      return "INT";
    }
    if (value.isNumber()) {
      return "FLOAT";
    }
    return value.isTextual() ? "STRING" : "";
  }

  private static Instant instant(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null; // a bridge that writes an odd time loses lastSeen, not the device
    }
  }
}
