package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The event as subscribers read it, through the one REAR mapper:
 *
 * <pre>
 * {"id": 42, "type": "refresh", "time": "2026-11-23T10:00:00Z", "flavor": {...wire Flavor...},
 *  "modifications": [{"field": ..., "oldValue": ..., "newValue": ...}],
 *  "RefreshMessage": {"Flavor": {"FlavorID", "ProviderID", "FlavorType"},
 *                     "ModificationDetails": [{"FieldModified", "OldValue", "NewValue"}]}}
 * </pre>
 *
 * A withdrawal has {@code "reason": {"message"}} and {@code "WithdrawMessage": {"Flavor", "Reason":
 * {"Message"}}}. The PascalCase envelopes follow the spec's sketch of REFRESH_FLAVOR and
 * WITHDRAW_FLAVOR (only its flavor reference, so the flavor is not sent twice).
 */
final class EventJson {

  private static final ObjectMapper MAPPER = RearJson.mapper();

  private EventJson() {}

  /** The event's JSON with its sequence number; times at second precision, as REAR writes them. */
  static String write(long seq, Instant time, FlavorEvent e) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("id", seq);
    root.put("type", e.type().wire());
    root.set("time", MAPPER.valueToTree(time.truncatedTo(ChronoUnit.SECONDS)));
    root.set("flavor", MAPPER.valueToTree(e.flavor()));
    if (e.type() == EventType.REFRESH) {
      root.set("modifications", MAPPER.valueToTree(e.modifications()));
      ObjectNode spec = root.putObject("RefreshMessage");
      spec.set("Flavor", reference(e.flavor()));
      ArrayNode details = spec.putArray("ModificationDetails");
      for (Modification m : e.modifications()) {
        ObjectNode d = details.addObject();
        d.put("FieldModified", m.field());
        d.set("OldValue", m.oldValue());
        d.set("NewValue", m.newValue());
      }
    }
    if (e.type() == EventType.WITHDRAW) {
      root.putObject("reason").put("message", e.reason());
      ObjectNode spec = root.putObject("WithdrawMessage");
      spec.set("Flavor", reference(e.flavor()));
      spec.putObject("Reason").put("Message", e.reason());
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("a flavor event does not serialise", ex);
    }
  }

  /** Reads back what {@link #write} wrote; {@code previous} is kept beside it in the log. */
  static StoredEvent read(long seq, Instant time, String json, String previousJson)
      throws JsonProcessingException {
    JsonNode root = MAPPER.readTree(json);
    Flavor flavor = MAPPER.treeToValue(root.get("flavor"), Flavor.class);
    Flavor previous = previousJson == null ? null : MAPPER.readValue(previousJson, Flavor.class);
    List<Modification> changes =
        root.has("modifications")
            ? MAPPER.convertValue(root.get("modifications"), new TypeReference<>() {})
            : List.of();
    String reason = root.path("reason").path("message").asText(null);
    FlavorEvent event =
        new FlavorEvent(
            EventType.ofWire(root.get("type").asText()), flavor, previous, changes, reason);
    return new StoredEvent(seq, time, event, json);
  }

  static String flavorJson(Flavor f) {
    try {
      return MAPPER.writeValueAsString(f);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a flavor does not serialise", e);
    }
  }

  private static ObjectNode reference(Flavor f) {
    ObjectNode ref = MAPPER.createObjectNode();
    ref.put("FlavorID", f.flavorId());
    ref.put("ProviderID", f.providerId());
    ref.put("FlavorType", f.type() == null ? null : f.type().name());
    return ref;
  }
}
