package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a KubeEdge device file says that the bridge's REST API does not: the model, the protocol,
 * and per property its type, unit, collect cycle and access mode. Only read for a bridge on this
 * machine (a loopback URL), where the {@code source} path the bridge reports is the same file; a
 * file that is missing, too large or unreadable gives {@link #NONE}, never an error.
 */
public final class DeviceFileFacts {

  static final long MAX_FILE_BYTES = 1 << 20;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** One property's facts. */
  public record Property(String type, String unit, long collectMillis, boolean writable) {}

  /** A device's facts. */
  public record Facts(String model, String protocol, Map<String, Property> properties) {}

  public static final Facts NONE = new Facts("", "", Map.of());

  private DeviceFileFacts() {}

  /** The facts about {@code device} in the file at {@code source}, or {@link #NONE}. */
  public static Facts read(String source, String device) {
    if (source == null || source.isEmpty()) {
      return NONE;
    }
    Path path = Path.of(source);
    try {
      if (!path.isAbsolute() || !Files.isRegularFile(path) || Files.size(path) > MAX_FILE_BYTES) {
        return NONE;
      }
      Map<String, JsonNode> models = new HashMap<>();
      JsonNode deviceDoc = null;
      try (MappingIterator<JsonNode> docs =
          YAML.readerFor(JsonNode.class).readValues(path.toFile())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          String name = doc.path("metadata").path("name").asText("");
          String kind = doc.path("kind").asText("");
          if (kind.equals("DeviceModel")) {
            models.put(name, doc);
          } else if (kind.equals("Device") && name.equals(device)) {
            deviceDoc = doc;
          }
        }
      }
      return deviceDoc == null ? NONE : facts(deviceDoc, models);
    } catch (IOException | RuntimeException e) {
      // The bridge validated the file; one we cannot read here only costs the extra facts.
      return NONE;
    }
  }

  static Facts facts(JsonNode device, Map<String, JsonNode> models) {
    JsonNode spec = device.path("spec");
    String modelName = spec.path("deviceModelRef").path("name").asText("");
    JsonNode model = models.get(modelName);
    Map<String, JsonNode> modelProperties = new HashMap<>();
    if (model != null) {
      model
          .path("spec")
          .path("properties")
          .forEach(p -> modelProperties.put(p.path("name").asText(""), p));
    }
    Map<String, Property> properties = new HashMap<>();
    for (JsonNode p : spec.path("properties")) {
      String name = p.path("name").asText("");
      JsonNode m = modelProperties.getOrDefault(name, p);
      long cycleNanos = p.path("collectCycle").asLong(0);
      properties.put(
          name,
          new Property(
              m.path("type").asText(""),
              m.path("unit").asText(""),
              Math.max(0, cycleNanos / 1_000_000),
              "ReadWrite".equals(m.path("accessMode").asText(""))));
    }
    String protocol = spec.path("protocol").path("protocolName").asText("");
    return new Facts(modelName, protocol, properties);
  }
}
