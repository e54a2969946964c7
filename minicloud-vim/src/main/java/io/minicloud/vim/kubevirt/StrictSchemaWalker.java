package io.minicloud.vim.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one JSON value against a Swagger 2.0 schema of KubeVirt's spec, as strictly as the
 * apiserver's strict field validation: the spec never says {@code additionalProperties: false}, so
 * strictness comes from the walk itself, and a field the schema does not name is an error. Not
 * thread-safe: one walker per check ({@link KubeVirtSchema} makes them).
 *
 * <p>Recursion follows the schema, never the input alone: an unknown field or a free-form value
 * (RawExtension, FieldsV1) is not descended into, and {@link #MAX_DEPTH} bounds a recursive schema.
 * Messages never quote the checked values (cloud-init user data may hold secrets).
 */
final class StrictSchemaWalker {
  static final int MAX_DEPTH = 64;
  static final int MAX_VIOLATIONS = 100;
  static final String REF_PREFIX = "#/definitions/";

  static final String QUANTITY = "k8s.io.apimachinery.pkg.api.resource.Quantity";
  private static final String INT_OR_STRING = "int-or-string";

  /** Definitions whose Go type takes any JSON object (the spec only says "type: object"). */
  static final Set<String> FREE_FORM =
      Set.of(
          "k8s.io.apimachinery.pkg.runtime.RawExtension",
          "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1",
          "k8s.io.apimachinery.pkg.apis.meta.v1.Patch");

  /** resource.Quantity: sign, digits with an optional fraction, then one suffix or none. */
  private static final Pattern QUANTITY_SYNTAX =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\\d+)?");

  /** RFC 3339 date-time; java.time alone would also take a time without seconds. */
  private static final Pattern RFC3339 =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** Integer ranges by format; "byte" is Go's uint8 here (v1.ComponentConfig.replicas). */
  private static final Map<String, long[]> INTEGER_RANGES =
      Map.of(
          "int32", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
          "int64", new long[] {Long.MIN_VALUE, Long.MAX_VALUE},
          "byte", new long[] {0, 255});

  private final JsonNode definitions;
  private final List<SchemaViolation> violations = new ArrayList<>();

  StrictSchemaWalker(JsonNode definitions) {
    this.definitions = definitions;
  }

  List<SchemaViolation> walk(String definition, JsonNode value) {
    check(definitions.get(definition), definition, value, "", 0);
    return List.copyOf(violations);
  }

  /**
   * @param definition the definition {@code schema} is, or null for an inline schema
   */
  private void check(JsonNode schema, String definition, JsonNode value, String path, int depth) {
    if (violations.size() > MAX_VIOLATIONS) {
      return;
    }
    JsonNode ref = schema.get("$ref");
    if (ref != null) {
      definition = ref.asText().substring(REF_PREFIX.length());
      schema = definitions.get(definition);
    }
    if (depth > MAX_DEPTH) {
      report(path, "nested deeper than " + MAX_DEPTH + " levels");
      return;
    }
    Set<String> types = types(schema);
    if (value.isNull()) {
      if (!types.contains("null") && !schema.path("nullable").asBoolean(false)) {
        report(path, "expected " + expected(types) + ", got null");
      }
      return;
    }
    if (QUANTITY.equals(definition)) {
      checkQuantity(value, path);
      return;
    }
    if (INT_OR_STRING.equals(schema.path("format").asText())) {
      types = new LinkedHashSet<>(List.of("integer", "string"));
    }
    types.remove("null");
    if (types.isEmpty() && !schema.has("properties")) {
      return; // no type: any value
    }
    String actual = jsonType(value);
    if (!accepts(types, actual)) {
      report(path, "expected " + expected(types) + ", got " + actual);
      return;
    }
    switch (actual) {
      case "object" -> checkObject(schema, definition, value, path, depth);
      case "array" -> checkArray(schema, value, path, depth);
      case "string" -> checkString(schema, value.textValue(), path);
      case "integer" -> checkInteger(schema, value, path);
      default -> {}
    }
  }

  private void checkObject(
      JsonNode schema, String definition, JsonNode value, String path, int depth) {
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    boolean freeForm =
        (definition != null && FREE_FORM.contains(definition))
            || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
            || (additional != null && additional.isBoolean() && additional.booleanValue());
    Set<String> required = new LinkedHashSet<>(); // reported in the spec's order
    schema.path("required").forEach(name -> required.add(name.asText()));
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      JsonNode child = field.getValue();
      if (properties.has(name)) {
        if (child.isNull() && required.contains(name)) {
          report(child(path, name), "missing required field");
        } else {
          check(properties.get(name), null, child, child(path, name), depth + 1);
        }
      } else if (additional != null && additional.isObject()) {
        check(additional, null, child, entry(path, name), depth + 1);
      } else if (!freeForm) {
        report(child(path, name), "unknown field");
      }
    }
    for (String name : required) {
      if (!value.has(name)) {
        report(child(path, name), "missing required field");
      }
    }
  }

  private void checkArray(JsonNode schema, JsonNode value, String path, int depth) {
    JsonNode items = schema.get("items");
    for (int i = 0; i < value.size(); i++) {
      if (items != null) {
        check(items, null, value.get(i), path + "[" + i + "]", depth + 1);
      }
    }
    checkListType(schema, value, path);
  }

  /** The apiserver rejects duplicates in lists it merges as sets or maps (structural schemas). */
  private void checkListType(JsonNode schema, JsonNode value, String path) {
    String listType = schema.path("x-kubernetes-list-type").asText();
    JsonNode keys = schema.path("x-kubernetes-list-map-keys");
    Set<List<JsonNode>> seen = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      List<JsonNode> identity = new ArrayList<>();
      if ("set".equals(listType)) {
        identity.add(item);
      } else if ("map".equals(listType) && item.isObject()) {
        keys.forEach(key -> identity.add(item.path(key.asText())));
      } else {
        return;
      }
      if (!seen.add(identity)) {
        report(path + "[" + i + "]", "duplicate entry" + duplicateKeys(keys, listType));
      }
    }
  }

  private static String duplicateKeys(JsonNode keys, String listType) {
    if (!"map".equals(listType)) {
      return "";
    }
    List<String> names = new ArrayList<>();
    keys.forEach(key -> names.add(key.asText()));
    return " (same " + String.join(", ", names) + ")";
  }

  private void checkString(JsonNode schema, String text, String path) {
    JsonNode allowed = schema.get("enum");
    if (allowed != null && !contains(allowed, text)) {
      List<String> names = new ArrayList<>();
      allowed.forEach(v -> names.add(v.asText()));
      report(path, "not one of " + names);
    }
    if ("date-time".equals(schema.path("format").asText())) {
      if (!RFC3339.matcher(text).matches() || !parsesAsTime(text)) {
        report(path, "not an RFC 3339 time");
      }
    }
  }

  private static boolean parsesAsTime(String text) {
    try {
      DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text); // also checks the ranges: no month 13
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private void checkInteger(JsonNode schema, JsonNode value, String path) {
    String format = schema.path("format").asText();
    if (INT_OR_STRING.equals(format)) {
      format = "int32"; // intstr.IntOrString holds an int32
    } else if (!INTEGER_RANGES.containsKey(format)) {
      format = "int64";
    }
    long[] range = INTEGER_RANGES.get(format);
    BigInteger number = value.bigIntegerValue();
    if (number.compareTo(BigInteger.valueOf(range[0])) < 0
        || number.compareTo(BigInteger.valueOf(range[1])) > 0) {
      report(path, "out of " + format + " range [" + range[0] + ", " + range[1] + "]");
    }
  }

  private void checkQuantity(JsonNode value, String path) {
    if (value.isTextual()) {
      if (!QUANTITY_SYNTAX.matcher(value.textValue()).matches()) {
        report(path, "not a quantity (e.g. 512Mi, 2, 500m)");
      }
    } else if (!value.isNumber()) {
      report(path, "expected quantity (string or number), got " + jsonType(value));
    }
  }

  private static boolean accepts(Set<String> types, String actual) {
    if (types.isEmpty()) {
      return "object".equals(actual); // properties without a type
    }
    return types.contains(actual) || ("integer".equals(actual) && types.contains("number"));
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else if (type.isTextual()) {
      types.add(type.asText());
    }
    return types;
  }

  private static String expected(Set<String> types) {
    Set<String> named = new LinkedHashSet<>(types);
    named.remove("null");
    return named.isEmpty() ? "a value" : String.join(" or ", named);
  }

  private static String jsonType(JsonNode value) {
    if (value.isObject()) {
      return "object";
    } else if (value.isArray()) {
      return "array";
    } else if (value.isTextual()) {
      return "string";
    } else if (value.isBoolean()) {
      return "boolean";
    } else if (value.isIntegralNumber()) {
      return "integer";
    } else if (value.isNumber()) {
      return "number";
    } else if (value.isNull()) {
      return "null";
    }
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean contains(JsonNode allowed, String text) {
    for (JsonNode v : allowed) {
      if (v.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** A map entry: {@code resources.requests.memory}, {@code labels["kubevirt.io/os"]}. */
  private static String entry(String path, String key) {
    return PLAIN_KEY.matcher(key).matches()
        ? child(path, key)
        : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
  }

  private void report(String path, String problem) {
    if (violations.size() < MAX_VIOLATIONS) {
      violations.add(new SchemaViolation(path, problem));
    } else if (violations.size() == MAX_VIOLATIONS) {
      violations.add(new SchemaViolation("", "more than " + MAX_VIOLATIONS + " violations"));
    }
  }
}
