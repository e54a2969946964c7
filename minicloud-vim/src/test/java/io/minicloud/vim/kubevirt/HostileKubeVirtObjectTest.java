package io.minicloud.vim.kubevirt;

import static io.minicloud.vim.kubevirt.KubeVirtFixtures.JSON;
import static io.minicloud.vim.kubevirt.KubeVirtFixtures.at;
import static io.minicloud.vim.kubevirt.KubeVirtFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deep nesting and huge arrays: bounded work, no stack overflow, a bounded violation list. */
class HostileKubeVirtObjectTest {
  private static final KubeVirtSchema SCHEMA = KubeVirtSchema.load();
  private static final int DEEP = 100_000;

  /** {@code {"a": {"a": ...}}}, built without recursion. */
  private static ObjectNode nested(int depth) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode current = root;
    for (int i = 0; i < depth; i++) {
      current = current.putObject("a");
    }
    return root;
  }

  @Test
  void doesNotDescendIntoAnUnknownField() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain").set("payload", nested(DEEP));

    assertEquals(
        List.of(new SchemaViolation("spec.template.spec.domain.payload", "unknown field")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void acceptsAnyObjectWhereKubernetesKeepsOneUnparsed() {
    // metadata.managedFields[].fieldsV1 is a FieldsV1: the apiserver keeps it as raw JSON
    ObjectNode vm = vm("minimal");
    ObjectNode entry = at(vm, "/metadata").putArray("managedFields").addObject();
    entry.put("manager", "minicloud-vim").put("fieldsType", "FieldsV1");
    entry.set("fieldsV1", nested(DEEP));

    assertEquals(List.of(), SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void boundsARecursiveSchema() throws Exception {
    var swagger =
        JSON.readTree(
            "{\"definitions\": {\"Node\": {\"type\": \"object\", \"properties\": {"
                + "\"next\": {\"$ref\": \"#/definitions/Node\"}}}}}");
    ObjectNode chain = JSON.createObjectNode();
    ObjectNode current = chain;
    for (int i = 0; i < DEEP; i++) {
      current = current.putObject("next");
    }

    List<SchemaViolation> violations = KubeVirtSchema.of(swagger).validate("Node", chain);

    assertEquals(1, violations.size());
    assertEquals(
        "next.".repeat(StrictSchemaWalker.MAX_DEPTH + 1).replaceAll("\\.$", ""),
        violations.get(0).path());
    assertEquals("nested deeper than 64 levels", violations.get(0).problem());
  }

  @Test
  void checksAHugeArrayAndListsAtMostAHundredViolations() {
    ObjectNode vm = vm("minimal");
    ArrayNode disks = at(vm, "/spec/template/spec/domain/devices").putArray("disks");
    for (int i = 0; i < 200_000; i++) {
      disks.addObject().put("name", "d" + i).put("bogus", true);
    }

    List<SchemaViolation> violations =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> SCHEMA.validateVirtualMachine(vm));

    assertEquals(StrictSchemaWalker.MAX_VIOLATIONS + 1, violations.size());
    assertEquals(
        new SchemaViolation("spec.template.spec.domain.devices.disks[0].bogus", "unknown field"),
        violations.get(0));
    assertEquals(new SchemaViolation("", "more than 100 violations"), violations.get(100));
  }

  @Test
  void jacksonRefusesDeeplyNestedTextBeforeWeSeeIt() {
    String deep = "{\"a\":".repeat(DEEP) + "{}" + "}".repeat(DEEP);

    assertThrows(StreamConstraintsException.class, () -> JSON.readTree(deep));
  }

  @Test
  void rejectsASpecWithADanglingReference() throws Exception {
    var swagger =
        JSON.readTree(
            "{\"definitions\": {\"A\": {\"type\": \"object\", \"properties\": {"
                + "\"b\": {\"$ref\": \"#/definitions/B\"}}}}}");

    var e = assertThrows(IllegalArgumentException.class, () -> KubeVirtSchema.of(swagger));
    assertEquals("#/definitions/A/properties/b: unresolved $ref #/definitions/B", e.getMessage());
  }
}
