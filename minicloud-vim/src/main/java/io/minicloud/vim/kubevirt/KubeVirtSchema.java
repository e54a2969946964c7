package io.minicloud.vim.kubevirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * KubeVirt's own API spec ({@value #RESOURCE}, the Swagger 2.0 file the models in {@code
 * io.minicloud.vim.kubevirt.model} are generated from), used to check every KubeVirt object we emit
 * before it goes anywhere: no KubeVirt, no KVM and no k3s run on the build machines, so this is
 * what stands in for the apiserver's strict field validation.
 *
 * <p>Strict: a field the spec does not name is an error, as are wrong JSON types, integers out of
 * their format's range, values outside an enum, missing required fields, malformed quantities and
 * times. Every violation is reported with its path, e.g. {@code
 * spec.template.spec.domain.devices.disks[0].name: missing required field}.
 *
 * <p>Immutable and thread-safe once loaded; parsing the spec takes a moment, so load it once.
 */
public final class KubeVirtSchema {
  /** The class-path resource the spec is packaged as (from {@code src/main/kubevirt}). */
  public static final String RESOURCE = "kubevirt/swagger.json";

  public static final String VIRTUAL_MACHINE = "v1.VirtualMachine";
  public static final String API_VERSION = "kubevirt.io/v1";
  public static final String VIRTUAL_MACHINE_KIND = "VirtualMachine";

  /**
   * Enums the spec only spells out in prose. KubeVirt's admission webhook rejects any other value,
   * so we check them as if the spec said {@code enum}. KubeVirtSchemaTest keeps them in step with
   * the descriptions.
   */
  static final Map<String, List<String>> PROSE_ENUMS =
      Map.of(
          "v1.VirtualMachineSpec/runStrategy",
          List.of("Always", "Halted", "Manual", "RerunOnFailure", "Once"));

  /** What the apiserver checks of every object's name: a DNS-1123 subdomain. */
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final ObjectNode definitions;

  private KubeVirtSchema(ObjectNode definitions) {
    this.definitions = definitions;
  }

  /** Loads the spec packaged with minicloud-vim. */
  public static KubeVirtSchema load() {
    try (InputStream in = KubeVirtSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("class-path resource " + RESOURCE + " is missing");
      }
      return of(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** A schema from a Swagger 2.0 document (its {@code definitions}); the document is copied. */
  public static KubeVirtSchema of(JsonNode swagger) {
    if (!swagger.path("definitions").isObject()) {
      throw new IllegalArgumentException("not a Swagger 2.0 document: no definitions");
    }
    ObjectNode definitions = (ObjectNode) swagger.get("definitions").deepCopy();
    checkReferences(definitions, definitions, "#/definitions");
    PROSE_ENUMS.forEach(
        (where, values) -> {
          JsonNode property = definitions.at("/" + where.replace("/", "/properties/"));
          if (property.isObject() && !property.has("enum")) {
            values.forEach(((ObjectNode) property).putArray("enum")::add);
          }
        });
    return new KubeVirtSchema(definitions);
  }

  public boolean hasDefinition(String definition) {
    return definitions.has(definition);
  }

  /**
   * Every way {@code object} breaks the spec's {@code definition} (e.g. {@code
   * v1.VirtualMachineInstanceSpec}); empty when it is valid. At most {@value
   * StrictSchemaWalker#MAX_VIOLATIONS} are listed, then one saying there are more.
   *
   * @throws IllegalArgumentException if the spec has no such definition
   */
  public List<SchemaViolation> validate(String definition, JsonNode object) {
    if (!hasDefinition(definition)) {
      throw new IllegalArgumentException("KubeVirt's spec has no definition " + definition);
    }
    return new StrictSchemaWalker(definitions).walk(definition, object);
  }

  /**
   * {@link #validate} against {@value #VIRTUAL_MACHINE}, plus what the spec leaves to the server:
   * {@code apiVersion} {@value #API_VERSION}, {@code kind} {@value #VIRTUAL_MACHINE_KIND}, and a
   * {@code metadata.name} that is a DNS-1123 subdomain.
   */
  public List<SchemaViolation> validateVirtualMachine(JsonNode vm) {
    List<SchemaViolation> violations = new ArrayList<>();
    if (vm.isObject()) {
      requireConstant(vm, "apiVersion", API_VERSION, violations);
      requireConstant(vm, "kind", VIRTUAL_MACHINE_KIND, violations);
      requireName(vm.path("metadata"), violations);
    }
    violations.addAll(validate(VIRTUAL_MACHINE, vm));
    return violations;
  }

  /**
   * Returns {@code object} if it is valid.
   *
   * @throws InvalidKubeVirtObjectException listing every violation
   */
  public JsonNode requireValid(String definition, JsonNode object) {
    return orThrow(definition, object, validate(definition, object));
  }

  /**
   * Returns {@code vm} if {@link #validateVirtualMachine} finds nothing.
   *
   * @throws InvalidKubeVirtObjectException listing every violation
   */
  public JsonNode requireValidVirtualMachine(JsonNode vm) {
    return orThrow(VIRTUAL_MACHINE, vm, validateVirtualMachine(vm));
  }

  private static JsonNode orThrow(
      String definition, JsonNode object, List<SchemaViolation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidKubeVirtObjectException(definition, violations);
    }
    return object;
  }

  private static void requireConstant(
      JsonNode object, String field, String value, List<SchemaViolation> violations) {
    JsonNode actual = object.path(field);
    if (actual.isMissingNode() || actual.isNull()) {
      violations.add(new SchemaViolation(field, "missing required field"));
    } else if (actual.isTextual() && !actual.textValue().equals(value)) {
      violations.add(new SchemaViolation(field, "must be " + value));
    } // a non-string is reported by the spec walk
  }

  private static void requireName(JsonNode metadata, List<SchemaViolation> violations) {
    JsonNode name = metadata.path("name");
    if (name.isTextual()) {
      String text = name.textValue();
      if (text.length() > 253 || !DNS_SUBDOMAIN.matcher(text).matches()) {
        violations.add(
            new SchemaViolation(
                "metadata.name",
                "not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253)"));
      }
    } else if ((name.isMissingNode() || name.isNull())
        && !metadata.path("generateName").isTextual()) {
      violations.add(new SchemaViolation("metadata.name", "missing required field"));
    }
  }

  /** Fails on a {@code $ref} that names no definition, rather than on the first object using it. */
  private static void checkReferences(ObjectNode definitions, JsonNode node, String where) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        String target = ref.asText();
        if (!target.startsWith(StrictSchemaWalker.REF_PREFIX)
            || !definitions.has(target.substring(StrictSchemaWalker.REF_PREFIX.length()))) {
          throw new IllegalArgumentException(where + ": unresolved $ref " + target);
        }
      }
      node.properties()
          .forEach(e -> checkReferences(definitions, e.getValue(), where + "/" + e.getKey()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkReferences(definitions, node.get(i), where + "/" + i);
      }
    }
  }
}
