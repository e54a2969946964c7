package io.minicloud.charagent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.charagent.Samples;
import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.AttachedDevices;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.NetworkInterface;
import io.minicloud.charagent.model.Storage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CharacterizationJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void roundTripsAFullDocument() {
    Characterization pi4 = Samples.pi4();

    assertEquals(pi4, CharacterizationJson.read(CharacterizationJson.write(pi4)));
    assertEquals(
        Samples.unknown(),
        CharacterizationJson.read(CharacterizationJson.write(Samples.unknown())));
  }

  @Test
  void propertiesFollowTheRecordOrderAndNullsAreWritten() throws Exception {
    // WHEN an all-unknown document is written
    JsonNode json = MAPPER.readTree(CharacterizationJson.write(Samples.unknown()));

    // THEN the top-level names are the record components, in order
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    List<String> components =
        Arrays.stream(Characterization.class.getRecordComponents()).map(c -> c.getName()).toList();
    assertEquals(components, names);
    // AND unknown numbers are present as null, not absent
    assertTrue(json.get("cpu").has("gicVersion"));
    assertTrue(json.get("cpu").get("gicVersion").isNull());
    assertTrue(json.get("memory").get("totalBytes").isNull());
  }

  @Test
  void instantsAreIsoStringsAndEnumsTheirNames() throws Exception {
    JsonNode json = MAPPER.readTree(CharacterizationJson.write(Samples.pi4()));

    assertEquals("2026-11-23T10:15:30.123Z", json.get("collectedAt").asText());
    assertEquals("GPU", json.get("accelerators").get(0).get("kind").asText());
    assertEquals("SD_CARD", json.get("storage").get("devices").get(0).get("kind").asText());
  }

  @Test
  void samplesValidateAgainstThePublishedSchema() {
    CharacterizationSchema.assertValid(CharacterizationJson.write(Samples.pi4()));
    CharacterizationSchema.assertValid(CharacterizationJson.write(Samples.unknown()));
    CharacterizationSchema.assertValid(CharacterizationJson.write(Samples.hostile()));
  }

  @Test
  void nonFiniteNumbersAreWrittenAsNull() throws Exception {
    // GIVEN a NaN and an infinite temperature and a NaN longitude (hostile sample)
    JsonNode json = MAPPER.readTree(CharacterizationJson.write(Samples.hostile()));

    // THEN they are unknown (null), not the string "NaN"
    assertTrue(json.get("power").get("thermalZones").get(0).get("celsius").isNull());
    assertTrue(json.get("power").get("thermalZones").get(1).get("celsius").isNull());
    assertEquals(-12.5, json.get("power").get("thermalZones").get(2).get("celsius").asDouble());
    assertTrue(json.get("location").get("longitude").isNull());
  }

  @Test
  void theSchemaRejectsWhatItShould() throws Exception {
    var doc =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            MAPPER.readTree(CharacterizationJson.write(Samples.pi4()));
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("cpu")).put("cores", "four");
    doc.put("extra", 1);

    Set<String> problems = CharacterizationSchema.problems(doc.toString());

    assertEquals(2, problems.size(), problems::toString);
  }

  @Test
  void readRejectsGarbageWithAMessage() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> CharacterizationJson.read("{\"node\": [1]}"));
    assertTrue(e.getMessage().startsWith("not a characterization document"), e.getMessage());
  }

  @Test
  void schemaIsVersionedAndDescribesEveryProperty() {
    JsonNode schema = CharacterizationSchema.tree();

    assertTrue(schema.get("$id").asText().contains("/" + Characterization.SCHEMA_VERSION + "/"));
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals(
        Characterization.SCHEMA_VERSION,
        schema.get("properties").get("schemaVersion").get("const").asText());
    List<String> undescribed = new ArrayList<>();
    collectUndescribed(schema, schema, "", undescribed);
    assertTrue(undescribed.isEmpty(), "properties without a description: " + undescribed);
  }

  @Test
  void schemaEnumsListTheModelsEnums() {
    JsonNode defs = CharacterizationSchema.tree().get("$defs");

    assertEquals(names(Storage.Kind.values()), enumOf(defs, "blockDevice", "kind"));
    assertEquals(names(Accelerator.Kind.values()), enumOf(defs, "accelerator", "kind"));
    assertEquals(names(NetworkInterface.Kind.values()), enumOf(defs, "networkInterface", "kind"));
    assertEquals(names(AttachedDevices.Bus.Kind.values()), enumOf(defs, "bus", "kind"));
  }

  @Test
  void schemaRequiresExactlyTheRecordComponents() {
    JsonNode schema = CharacterizationSchema.tree();

    assertEquals(componentNames(Characterization.class), keys(schema.get("properties")));
    assertEquals(
        componentNames(io.minicloud.charagent.model.Cpu.class),
        keys(schema.get("$defs").get("cpu").get("properties")));
    assertEquals(
        componentNames(Storage.BlockDevice.class),
        keys(schema.get("$defs").get("blockDevice").get("properties")));
    assertEquals(
        componentNames(io.minicloud.charagent.model.Power.Throttling.class),
        keys(schema.get("$defs").get("throttling").get("properties")));
  }

  private static Set<String> componentNames(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(c -> c.getName())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> keys(JsonNode object) {
    Set<String> keys = new TreeSet<>();
    object.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> enumOf(JsonNode defs, String def, String property) {
    JsonNode values = defs.get(def).get("properties").get(property).get("enum");
    return StreamSupport.stream(values.spliterator(), false)
        .map(JsonNode::asText)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** A property is described by its own description, or by the $def it refers to alone. */
  private static void collectUndescribed(
      JsonNode root, JsonNode node, String path, List<String> undescribed) {
    JsonNode properties = node.get("properties");
    if (properties != null) {
      properties
          .properties()
          .forEach(
              e -> {
                JsonNode p = e.getValue();
                boolean described = p.has("description");
                if (!described && p.has("$ref")) {
                  String ref = p.get("$ref").asText().substring("#/$defs/".length());
                  described = root.get("$defs").get(ref).has("description");
                }
                if (!described) {
                  undescribed.add(path + "/" + e.getKey());
                }
              });
    }
    JsonNode defs = node.get("$defs");
    if (defs != null) {
      defs.properties()
          .forEach(
              e -> collectUndescribed(root, e.getValue(), path + "/" + e.getKey(), undescribed));
    }
    assertFalse(path.contains("//"));
  }
}
