package io.minicloud.charagent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minicloud.charagent.Samples;
import io.minicloud.charagent.model.Characterization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Structure of the TOSCA document, read back with a YAML parser. Validity for the OpenStack
 * tosca-parser itself is checked by {@code CharacterizationToscaIT} (peer tier).
 */
class CharacterizationToscaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode parse(Characterization c) throws Exception {
    return YAML.readTree(CharacterizationTosca.write(c));
  }

  private static JsonNode gatewayCapability(JsonNode doc, String capability) {
    return doc.at(
        "/topology_template/node_templates/gateway/capabilities/" + capability + "/properties");
  }

  @Test
  void isSimpleProfile12WithAnEdgeGatewayDerivedFromCompute() throws Exception {
    JsonNode doc = parse(Samples.pi4());

    assertEquals("tosca_simple_yaml_1_2", doc.get("tosca_definitions_version").asText());
    assertEquals(
        "tosca.nodes.Compute",
        doc.at("/node_types/minicloud.nodes.EdgeGateway/derived_from").asText());
    assertEquals(
        "minicloud.nodes.EdgeGateway",
        doc.at("/topology_template/node_templates/gateway/type").asText());
  }

  @Test
  void hostAndOsCapabilitiesUseTheNormativeTypes() throws Exception {
    JsonNode doc = parse(Samples.pi4());

    JsonNode host = gatewayCapability(doc, "host");
    assertEquals(4, host.get("num_cpus").asInt());
    assertEquals("1800 MHz", host.get("cpu_frequency").asText());
    assertEquals("3793 MiB", host.get("mem_size").asText());
    assertEquals("29563 MiB", host.get("disk_size").asText()); // the root file system
    JsonNode os = gatewayCapability(doc, "os");
    assertEquals("aarch64", os.get("architecture").asText());
    assertEquals("linux", os.get("type").asText());
    assertEquals("debian", os.get("distribution").asText());
    assertEquals("12", os.get("version").asText());
  }

  @Test
  void acceleratorsAndDevicesAreNodeTemplatesAttachedToTheGateway() throws Exception {
    JsonNode templates = parse(Samples.pi4()).at("/topology_template/node_templates");

    assertEquals("minicloud.nodes.Accelerator", templates.at("/accelerator_1/type").asText());
    assertEquals(
        "TPU", templates.at("/accelerator_1/capabilities/accelerator/properties/kind").asText());
    assertEquals("gateway", templates.at("/accelerator_1/requirements/0/gateway").asText());
    assertEquals("usb", templates.at("/usb_0/capabilities/device/properties/kind").asText());
    assertEquals(
        "/dev/serial/by-id/usb-Arduino__www.arduino.cc__0043_95730333-if00",
        templates.at("/serial_0/capabilities/device/properties/by_id_path").asText());
    assertEquals("i2c", templates.at("/bus_0/capabilities/device/properties/kind").asText());
  }

  @Test
  void unknownNumbersAreOmittedNotWrittenAsUnknown() throws Exception {
    JsonNode doc = parse(Samples.unknown());

    JsonNode host = gatewayCapability(doc, "host");
    assertTrue(host.isMissingNode(), "an all-unknown host capability is left out: " + host);
    JsonNode processor = gatewayCapability(doc, "processor");
    assertNull(processor.get("cores"));
    assertNull(processor.get("page_size"));
    assertNull(processor.get("max_frequency"));
    assertNull(gatewayCapability(doc, "memory").get("total"));
    // Strings stay "unknown": that is what the model says.
    assertEquals(Characterization.UNKNOWN, gatewayCapability(doc, "board").get("model").asText());
  }

  @Test
  void numbersOutsideTheNormativeConstraintsAreOmitted() throws Exception {
    // GIVEN zero cores and a 50 MHz maximum (num_cpus >= 1, cpu_frequency >= 0.1 GHz)
    JsonNode doc = parse(Samples.hostile());

    JsonNode host = gatewayCapability(doc, "host");
    assertNull(host.get("num_cpus"));
    assertNull(host.get("cpu_frequency"));
    // AND a version that is not a TOSCA version stays out of os, but not out of runtime
    assertNull(gatewayCapability(doc, "os").get("version"));
    assertEquals("12/sid", gatewayCapability(doc, "runtime").get("os_version_id").asText());
    // AND NaN / infinite temperatures are dropped
    JsonNode zones = gatewayCapability(doc, "power").get("thermal_zones");
    assertNull(zones.get(0).get("celsius"));
    assertNull(zones.get(1).get("celsius"));
    assertEquals(-12.5, gatewayCapability(doc, "power").get("max_celsius").asDouble());
  }

  @Test
  void hostileStringsComeBackVerbatimAndCannotAddStructure() throws Exception {
    // GIVEN host strings with YAML syntax, quotes, '#', newlines and control characters
    Characterization hostile = Samples.hostile();

    // WHEN written and read back by a YAML parser
    JsonNode doc = parse(hostile);

    // THEN each string is the same scalar, and only our templates exist
    JsonNode board = gatewayCapability(doc, "board");
    assertEquals(hostile.board().model(), board.get("model").asText());
    assertEquals(hostile.board().vendor(), board.get("vendor").asText());
    assertEquals(hostile.board().serial(), board.get("serial").asText());
    assertEquals("{ get_input: secret }", board.get("raspberry_pi_manufacturer").asText());
    assertTrue(board.get("raspberry_pi_model").isTextual(), "'yes' must stay a string");
    assertTrue(board.get("raspberry_pi_processor").isTextual(), "'null' must stay a string");
    JsonNode flags = gatewayCapability(doc, "processor").get("flags");
    for (int i = 0; i < Samples.HOSTILE.size(); i++) {
      assertEquals(Samples.HOSTILE.get(i), flags.get(i).asText(), "flag " + i);
    }
    assertEquals(
        hostile.node(),
        doc.at("/topology_template/node_templates/gateway/properties/node_name").asText());
    assertEquals(1 + 40 * 4, doc.at("/topology_template/node_templates").size());
  }

  @Test
  void everyEmittedPropertyIsDeclaredByItsType() throws Exception {
    for (Characterization c : List.of(Samples.pi4(), Samples.hostile(), Samples.unknown())) {
      JsonNode doc = parse(c);
      List<String> undeclared = new ArrayList<>();
      for (Map.Entry<String, JsonNode> template :
          doc.at("/topology_template/node_templates").properties()) {
        String nodeType = template.getValue().get("type").asText();
        JsonNode typeDef = doc.at("/node_types/" + nodeType.replace("/", "~1"));
        assertFalse(typeDef.isMissingNode(), nodeType);
        template
            .getValue()
            .path("properties")
            .fieldNames()
            .forEachRemaining(
                p -> {
                  if (!typeDef.path("properties").has(p)) {
                    undeclared.add(template.getKey() + "." + p);
                  }
                });
        template
            .getValue()
            .path("capabilities")
            .properties()
            .forEach(
                cap -> {
                  String capType =
                      typeDef.path("capabilities").path(cap.getKey()).path("type").asText();
                  if (capType.startsWith("minicloud.")) {
                    JsonNode declared = doc.at("/capability_types/" + capType + "/properties");
                    cap.getValue()
                        .path("properties")
                        .fieldNames()
                        .forEachRemaining(
                            p -> {
                              if (!declared.has(p)) {
                                undeclared.add(template.getKey() + "." + cap.getKey() + "." + p);
                              }
                            });
                  }
                });
      }
      assertTrue(undeclared.isEmpty(), "undeclared: " + undeclared);
    }
  }

  @Test
  void typesAreDerivedFromTheNormativeRoots() throws Exception {
    JsonNode doc = parse(Samples.pi4());

    doc.get("capability_types")
        .properties()
        .forEach(
            e ->
                assertEquals(
                    "tosca.capabilities.Root",
                    e.getValue().get("derived_from").asText(),
                    e.getKey()));
    doc.get("data_types")
        .properties()
        .forEach(
            e ->
                assertEquals(
                    "tosca.datatypes.Root", e.getValue().get("derived_from").asText(), e.getKey()));
    assertEquals(
        "tosca.nodes.Root",
        doc.at("/node_types/minicloud.nodes.Accelerator/derived_from").asText());
    assertEquals(
        "tosca.nodes.Root",
        doc.at("/node_types/minicloud.nodes.AttachedDevice/derived_from").asText());
  }
}
