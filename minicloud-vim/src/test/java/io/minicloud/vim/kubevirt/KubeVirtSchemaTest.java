package io.minicloud.vim.kubevirt;

import static io.minicloud.vim.kubevirt.KubeVirtFixtures.at;
import static io.minicloud.vim.kubevirt.KubeVirtFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** KubeVirt's own spec against the VirtualMachines the VIM emits, and against broken ones. */
class KubeVirtSchemaTest {
  private static final KubeVirtSchema SCHEMA = KubeVirtSchema.load();
  private static final String DISK0 = "spec.template.spec.domain.devices.disks[0]";

  @ParameterizedTest
  @ValueSource(strings = {"minimal", "kernel-boot", "arm64-uefi"})
  void acceptsTheVirtualMachinesWeEmit(String fixture) {
    ObjectNode vm = vm(fixture);

    List<SchemaViolation> violations = SCHEMA.validateVirtualMachine(vm);

    assertEquals(List.of(), violations);
    assertSame(vm, SCHEMA.requireValidVirtualMachine(vm));
  }

  @Test
  void rejectsAnUnknownFieldWithItsPath() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/devices/disks/0").put("sizeGb", 10);

    assertEquals(
        List.of(new SchemaViolation(DISK0 + ".sizeGb", "unknown field")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAFieldOnAnEmptyStruct() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/devices/interfaces/0/masquerade").put("mode", "nat");

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.devices.interfaces[0].masquerade.mode",
                "unknown field")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAWrongType() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/cpu").put("cores", "two");

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.cpu.cores", "expected integer, got string")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAFractionWhereAnIntegerBelongs() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/cpu").put("cores", 1.5);

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.cpu.cores", "expected integer, got number")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsARunStrategyKubeVirtDoesNotKnow() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec").put("runStrategy", "Sometimes");

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.runStrategy", "not one of [Always, Halted, Manual, RerunOnFailure, Once]")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAnEnumValueTheSpecLists() {
    ObjectNode vm = vm("kernel-boot");
    at(vm, "/spec/template/spec/domain/firmware/kernelBoot/container")
        .put("imagePullPolicy", "Sometimes");

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.firmware.kernelBoot.container.imagePullPolicy",
                "not one of [Always, IfNotPresent, Never]")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAMissingRequiredField() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/devices/disks/0").remove("name");

    assertEquals(
        List.of(new SchemaViolation(DISK0 + ".name", "missing required field")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void takesANullRequiredFieldForAMissingOne() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/devices/disks/0").putNull("name");

    assertEquals(
        List.of(new SchemaViolation(DISK0 + ".name", "missing required field")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsNullWhereTheSpecDoesNotAllowIt() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/cpu").putNull("cores");

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.cpu.cores", "expected integer, got null")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAnIntegerOutOfInt32Range() {
    ObjectNode vm = vm("kernel-boot");
    at(vm, "/spec/template/spec/domain/devices/interfaces/0/ports/0").put("port", 2147483648L);

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.devices.interfaces[0].ports[0].port",
                "out of int32 range [-2147483648, 2147483647]")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsAnIntegerBeyondInt64() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec")
        .put("terminationGracePeriodSeconds", new java.math.BigInteger("9223372036854775808"));

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.terminationGracePeriodSeconds",
                "out of int64 range [-9223372036854775808, 9223372036854775807]")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void checksQuantitiesWhetherStringsOrNumbers() {
    ObjectNode vm = vm("minimal");
    ObjectNode requests = at(vm, "/spec/template/spec/domain/resources/requests");
    requests.put("memory", "lots");
    requests.put("cpu", true);

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.resources.requests.memory",
                "not a quantity (e.g. 512Mi, 2, 500m)"),
            new SchemaViolation(
                "spec.template.spec.domain.resources.requests.cpu",
                "expected quantity (string or number), got boolean")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void checksTimesAreRfc3339() {
    ObjectNode vm = vm("minimal");
    at(vm, "/metadata").put("deletionTimestamp", "yesterday");

    assertEquals(
        List.of(new SchemaViolation("metadata.deletionTimestamp", "not an RFC 3339 time")),
        SCHEMA.validateVirtualMachine(vm));

    for (String bad :
        List.of("2026-11-23T12:00Z", "2026-13-23T12:00:00Z", "2026-11-23 12:00:00Z")) {
      at(vm, "/metadata").put("deletionTimestamp", bad);
      assertEquals(
          List.of(new SchemaViolation("metadata.deletionTimestamp", "not an RFC 3339 time")),
          SCHEMA.validateVirtualMachine(vm),
          bad);
    }
    for (String good : List.of("2026-11-23T12:00:00Z", "2026-11-23T12:00:00.5+01:00")) {
      at(vm, "/metadata").put("deletionTimestamp", good);
      assertEquals(List.of(), SCHEMA.validateVirtualMachine(vm), good);
    }
  }

  @Test
  void namesAMapEntryWithItsKey() {
    ObjectNode vm = vm("minimal");
    at(vm, "/metadata/labels").put("app.kubernetes.io/managed-by", 7);

    assertEquals(
        List.of(
            new SchemaViolation(
                "metadata.labels[\"app.kubernetes.io/managed-by\"]",
                "expected string, got integer")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsDuplicatesInASetList() {
    ObjectNode vm = vm("minimal");
    at(vm, "/metadata").putArray("finalizers").add("minicloud.io/vim").add("minicloud.io/vim");

    assertEquals(
        List.of(new SchemaViolation("metadata.finalizers[1]", "duplicate entry")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void checksWhatOnlyTheServerChecks() {
    ObjectNode vm = vm("minimal");
    vm.put("apiVersion", "kubevirt.io/v1alpha3");
    vm.remove("kind");
    at(vm, "/metadata").put("name", "Edge_VM");

    assertEquals(
        List.of(
            new SchemaViolation("apiVersion", "must be kubevirt.io/v1"),
            new SchemaViolation("kind", "missing required field"),
            new SchemaViolation(
                "metadata.name",
                "not a DNS-1123 subdomain (lowercase letters, digits, '-' and '.', at most 253)")),
        SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void acceptsGenerateNameInsteadOfName() {
    ObjectNode vm = vm("minimal");
    at(vm, "/metadata").remove("name");
    assertEquals(
        List.of(new SchemaViolation("metadata.name", "missing required field")),
        SCHEMA.validateVirtualMachine(vm));

    at(vm, "/metadata").put("generateName", "edge-vm-");
    assertEquals(List.of(), SCHEMA.validateVirtualMachine(vm));
  }

  @Test
  void rejectsARootThatIsNoObject() {
    assertEquals(
        List.of(new SchemaViolation("", "expected object, got string")),
        SCHEMA.validateVirtualMachine(new TextNode("apiVersion: kubevirt.io/v1")));
  }

  @Test
  void requireValidListsEveryViolationButNoValue() {
    ObjectNode vm = vm("minimal");
    at(vm, "/spec/template/spec/domain/devices/disks/0").remove("name");
    ObjectNode cloudInit = at(vm, "/spec/template/spec/volumes/1/cloudInitNoCloud");
    cloudInit.put("userdata", "#cloud-config\npassword: hunter2\n");
    cloudInit.put("userDataBase64", 42);

    var e =
        assertThrows(
            InvalidKubeVirtObjectException.class, () -> SCHEMA.requireValidVirtualMachine(vm));

    assertEquals(KubeVirtSchema.VIRTUAL_MACHINE, e.definition());
    assertEquals(3, e.violations().size(), e.getMessage());
    assertEquals(
        "invalid v1.VirtualMachine (3 violations):\n"
            + "  spec.template.spec.domain.devices.disks[0].name: missing required field\n"
            + "  spec.template.spec.volumes[1].cloudInitNoCloud.userdata: unknown field\n"
            + "  spec.template.spec.volumes[1].cloudInitNoCloud.userDataBase64:"
            + " expected string, got integer",
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"));
  }

  @Test
  void validatesAnyDefinitionOfTheSpec() {
    ObjectNode firmware = at(vm("kernel-boot"), "/spec/template/spec/domain/firmware");

    assertEquals(List.of(), SCHEMA.validate("v1.Firmware", firmware));
    firmware.put("bios", true);
    assertEquals(
        List.of(new SchemaViolation("bios", "unknown field")),
        SCHEMA.validate("v1.Firmware", firmware));
    assertThrows(IllegalArgumentException.class, () -> SCHEMA.validate("v1.NoSuchThing", firmware));
  }

  @Test
  void theProseEnumsAreTheValuesTheSpecDescribes() throws Exception {
    JsonNode swagger;
    try (InputStream in =
        KubeVirtSchema.class.getClassLoader().getResourceAsStream(KubeVirtSchema.RESOURCE)) {
      swagger = KubeVirtFixtures.JSON.readTree(in);
    }
    KubeVirtSchema.PROSE_ENUMS.forEach(
        (where, values) -> {
          String description =
              swagger
                  .path("definitions")
                  .at("/" + where.replace("/", "/properties/") + "/description")
                  .asText();
          values.forEach(
              v -> assertTrue(description.contains("\"" + v + "\""), where + " lost " + v));
        });
  }
}
