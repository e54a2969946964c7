package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The services every minicloud has (its MQTT broker and its storage gateway) and the ones the
 * operator configures, as service records with a REAR category, tags and a JSON Schema (draft
 * 2020-12) for the buyer's configuration.
 */
public final class ServiceCatalog {

  static final String SCHEMA = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ServiceCatalog() {}

  /** An operator's service, as configured (see EdgeAgentOptions.ServiceOptions). */
  public record Configured(
      String name,
      String description,
      String category,
      List<String> tags,
      String endpoint,
      List<String> hostingPolicies,
      Optional<String> template,
      Optional<Path> templateFile) {}

  public static ServiceRecord mqttBroker(String host, int port) {
    ObjectNode schema = object("What the buyer's MQTT clients may do on the broker");
    ObjectNode props = schema.putObject("properties");
    props.putObject("clientIdPrefix").put("type", "string").put("maxLength", 64);
    ObjectNode topics = props.putObject("topics");
    topics.put("type", "array").put("description", "topic filters the buyer may use");
    topics.putObject("items").put("type", "string").put("maxLength", 256);
    props.putObject("qos").put("type", "integer").put("minimum", 0).put("maximum", 2);
    return new ServiceRecord(
        "mqtt-broker",
        "broker",
        "MQTT broker of the minicloud (device telemetry, twins, commands)",
        "messaging",
        List.of("mqtt", "mqtt-3.1.1", "mqtt-5", "iot", "telemetry"),
        "mqtt://" + host + ":" + port,
        List.of("Provider"),
        schema,
        false);
  }

  public static ServiceRecord storageGateway(URI uri) {
    ObjectNode schema = object("The bucket the buyer gets on the S3-compatible storage gateway");
    ObjectNode props = schema.putObject("properties");
    props
        .putObject("bucket")
        .put("type", "string")
        .put("pattern", "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    props.putObject("quotaBytes").put("type", "integer").put("minimum", 0);
    props.putObject("sync").put("type", "boolean").put("description", "sync to the upstream S3");
    ((ArrayNode) schema.putArray("required")).add("bucket");
    return new ServiceRecord(
        "object-storage",
        "storage",
        "S3-compatible object storage of the minicloud, synced to an upstream S3",
        "storage",
        List.of("s3", "object-storage", "edge-storage"),
        uri.toString(),
        List.of("Provider"),
        schema,
        false);
  }

  /**
   * An operator's service; throws {@link IllegalArgumentException} naming the service and the
   * setting when the name, endpoint or template is unusable.
   */
  public static ServiceRecord configured(Configured c) {
    if (!DNS_LABEL.matcher(c.name()).matches()) {
      throw new IllegalArgumentException(
          "service '" + c.name() + "': the name must be a DNS-1123 label");
    }
    try {
      URI.create(c.endpoint());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "service '" + c.name() + "': endpoint is not a URI: " + e.getMessage(), e);
    }
    return new ServiceRecord(
        c.name(),
        "configured",
        c.description(),
        c.category(),
        c.tags(),
        c.endpoint(),
        c.hostingPolicies(),
        template(c),
        false);
  }

  private static JsonNode template(Configured c) {
    String where = "service '" + c.name() + "' configuration-template";
    JsonNode schema;
    try {
      if (c.template().isPresent()) {
        schema = YAML.readTree(c.template().get());
      } else if (c.templateFile().isPresent()) {
        where += "-file " + c.templateFile().get();
        schema = YAML.readTree(Files.readString(c.templateFile().get()));
      } else {
        return object("No configuration: the service is used as it is");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(where + ": cannot read it: " + e.getMessage(), e);
    }
    if (schema == null || !schema.isObject()) {
      throw new IllegalArgumentException(where + ": a JSON Schema must be an object");
    }
    JsonNode type = schema.path("type");
    if (!type.isMissingNode() && !type.isTextual() && !type.isArray()) {
      throw new IllegalArgumentException(where + ": 'type' must be a string or an array");
    }
    return JSON.valueToTree(schema);
  }

  private static ObjectNode object(String description) {
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$schema", SCHEMA);
    schema.put("type", "object");
    schema.put("description", description);
    schema.put("additionalProperties", false);
    return schema;
  }
}
