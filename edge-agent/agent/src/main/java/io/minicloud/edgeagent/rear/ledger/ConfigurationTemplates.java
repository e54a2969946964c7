package io.minicloud.edgeagent.rear.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.rear.RearError;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks a service configuration against its flavor's configuration template, a JSON Schema. The
 * subset the node's templates use is enforced: {@code type}, {@code required}, {@code properties}
 * with their {@code type}, {@code enum}, {@code minLength}/{@code maxLength}, {@code
 * minimum}/{@code maximum}, and {@code additionalProperties: false}. Other keywords are not
 * checked; the provisioning side validates again.
 */
final class ConfigurationTemplates {

  private ConfigurationTemplates() {}

  static void check(JsonNode template, JsonNode data, String path) throws RearError {
    if (template == null || !template.isObject()) {
      return;
    }
    checkType(template, data, path);
    if (data.isObject()) {
      for (JsonNode required : template.path("required")) {
        if (!data.has(required.asText())) {
          throw RearError.badRequest(
              path + "." + required.asText(),
              path
                  + "."
                  + required.asText()
                  + ": required by the service's configuration template");
        }
      }
      JsonNode properties = template.path("properties");
      Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode schema = properties.get(f.getKey());
        if (schema == null) {
          if (template.path("additionalProperties").isBoolean()
              && !template.path("additionalProperties").asBoolean()) {
            throw RearError.badRequest(
                path + "." + f.getKey(),
                path + "." + f.getKey() + ": not allowed by the configuration template");
          }
          continue;
        }
        check(schema, f.getValue(), path + "." + f.getKey());
      }
    }
    JsonNode allowed = template.get("enum");
    if (allowed != null && allowed.isArray()) {
      boolean found = false;
      for (JsonNode a : allowed) {
        found |= a.equals(data);
      }
      if (!found) {
        throw RearError.badRequest(path, path + ": must be one of " + allowed);
      }
    }
    if (data.isTextual()) {
      int length = data.asText().codePointCount(0, data.asText().length());
      if (template.has("minLength") && length < template.get("minLength").asInt()) {
        throw RearError.badRequest(
            path, path + ": shorter than " + template.get("minLength").asInt());
      }
      if (template.has("maxLength") && length > template.get("maxLength").asInt()) {
        throw RearError.badRequest(
            path, path + ": longer than " + template.get("maxLength").asInt());
      }
    }
    if (data.isNumber()) {
      if (template.has("minimum")
          && data.decimalValue().compareTo(template.get("minimum").decimalValue()) < 0) {
        throw RearError.badRequest(path, path + ": below " + template.get("minimum"));
      }
      if (template.has("maximum")
          && data.decimalValue().compareTo(template.get("maximum").decimalValue()) > 0) {
        throw RearError.badRequest(path, path + ": above " + template.get("maximum"));
      }
    }
  }

  private static void checkType(JsonNode template, JsonNode data, String path) throws RearError {
    String type = template.path("type").asText("");
    boolean ok =
        switch (type) {
          case "object" -> data.isObject();
          case "string" -> data.isTextual();
          case "integer" -> data.isIntegralNumber();
          case "number" -> data.isNumber();
          case "boolean" -> data.isBoolean();
          case "array" -> data.isArray();
          default -> true;
        };
    if (!ok) {
      throw RearError.badRequest(
          path, path + ": must be " + (type.equals("integer") ? "an " : "a ") + type);
    }
  }
}
