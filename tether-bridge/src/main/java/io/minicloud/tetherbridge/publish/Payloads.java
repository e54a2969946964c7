package io.minicloud.tetherbridge.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.tetherbridge.runtime.BoundProperty;
import io.minicloud.tetherbridge.runtime.DeviceStatus;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.Twin;
import io.minicloud.tetherbridge.runtime.Values;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The JSON payloads of docs/api/mqtt-v1.md. */
public final class Payloads {
  private final ObjectMapper json;

  public Payloads(ObjectMapper json) {
    this.json = json;
  }

  /**
   * {@code {"device", "property", "value", "type", "unit", "timestamp", "quality"}}, plus {@code
   * "error"} and {@code "errorKind"} for a BAD reading (whose value is null).
   */
  public byte[] telemetry(String device, BoundProperty property, Reading reading) {
    ObjectNode node = json.createObjectNode();
    node.put("device", device);
    node.put("property", property.name());
    node.set(
        "value", json.valueToTree(reading.value() == null ? null : Values.plain(reading.value())));
    if (reading.value() != null) {
      node.put("type", reading.value().type().name().toLowerCase(Locale.ROOT));
    }
    if (property.model().unit() != null) {
      node.put("unit", property.model().unit());
    }
    node.put("timestamp", reading.timestamp().toString());
    node.put("quality", reading.quality().name());
    if (reading.error() != null) {
      node.put("errorKind", reading.errorKind().tag());
      node.put("error", reading.error());
    }
    return bytes(node);
  }

  /** {@code {"device", "link", "health", "lastOnline", "lastError", "circuit"}}. */
  public byte[] state(DeviceStatus status) {
    ObjectNode node = json.createObjectNode();
    node.put("device", status.device());
    node.put("link", status.link());
    node.put("health", status.health().kubeEdgeState());
    node.put("lastOnline", status.lastOnline() == null ? null : status.lastOnline().toString());
    node.put("lastError", status.lastError());
    node.put("circuit", status.circuit());
    return bytes(node);
  }

  /**
   * {@code {"device", "properties": {name: {desired, reported, observedDesired, pending, ...}}}}.
   */
  public byte[] twin(String device, Map<String, Twin.PropertyTwin> twin) {
    ObjectNode node = json.createObjectNode();
    node.put("device", device);
    ObjectNode properties = node.putObject("properties");
    new TreeMap<>(twin)
        .forEach((name, t) -> properties.set(name, json.valueToTree(TwinView.of(t))));
    return bytes(node);
  }

  /** A command's outcome: {@code {"ok": true, "result": ...}} or {@code {"ok": false, "error"}}. */
  public byte[] reply(String id, boolean ok, Object result, String error) {
    ObjectNode node = json.createObjectNode();
    if (id != null) {
      node.put("id", id);
    }
    node.put("ok", ok);
    if (result != null) {
      node.set("result", json.valueToTree(result));
    }
    if (error != null) {
      node.put("error", error);
    }
    return bytes(node);
  }

  private byte[] bytes(ObjectNode node) {
    try {
      return json.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
