package io.minicloud.charagent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minicloud.charagent.output.CharacterizationSchema;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * GET /characterization over HTTP, with minicloud.char-agent.root on the small captured tree in
 * src/test/resources/trees/quarkus-test (test application.properties).
 */
@QuarkusTest
class CharacterizationResourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void jsonIsTheDefaultAndFollowsTheSchema() {
    String body =
        given()
            .get("/characterization")
            .then()
            .statusCode(200)
            .contentType("application/json")
            .body("schemaVersion", equalTo("1.0"))
            .body("node", equalTo("quarkus-test-node"))
            .body("location.country", equalTo("IT"))
            .body("location.latitude", equalTo(45.07f))
            .extract()
            .asString();

    CharacterizationSchema.assertValid(body);
  }

  @Test
  void formatJsonAndAcceptJsonGiveJson() {
    given()
        .get("/characterization?format=json")
        .then()
        .statusCode(200)
        .contentType("application/json");
    given()
        .accept("application/json")
        .get("/characterization")
        .then()
        .statusCode(200)
        .contentType("application/json");
    given().accept("*/*").get("/characterization").then().contentType("application/json");
  }

  @Test
  void formatToscaGivesATosca12Document() throws Exception {
    String body =
        given()
            .get("/characterization?format=tosca")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/yaml"))
            .body(startsWith("tosca_definitions_version: \"tosca_simple_yaml_1_2\""))
            .extract()
            .asString();

    JsonNode doc = YAML.readTree(body);
    JsonNode gateway = doc.at("/topology_template/node_templates/gateway");
    assertEquals("minicloud.nodes.EdgeGateway", gateway.get("type").asText());
    assertEquals("quarkus-test-node", gateway.at("/properties/node_name").asText());
    assertEquals("linux", gateway.at("/capabilities/os/properties/type").asText());
  }

  @Test
  void yamlAcceptHeadersNegotiateTosca() {
    for (String accept : new String[] {"application/yaml", "text/yaml", "text/yaml, */*;q=0.1"}) {
      given()
          .accept(accept)
          .get("/characterization")
          .then()
          .statusCode(200)
          .contentType(startsWith("application/yaml"))
          .body(startsWith("tosca_definitions_version:"));
    }
    given()
        .accept("application/yaml;q=0.5, application/json")
        .get("/characterization")
        .then()
        .contentType("application/json");
  }

  @Test
  void formatWinsOverAccept() {
    given()
        .accept("application/json, application/yaml;q=0.9")
        .get("/characterization?format=tosca")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/yaml"));
  }

  @Test
  void anUnknownFormatIsA400NamingTheAcceptedValues() {
    given()
        .get("/characterization?format=xml")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("error", containsString("unknown format 'xml'"))
        .body("accepted.format", hasItems("json", "tosca"));
  }

  @Test
  void anotherRootIsRefusedUnlessAllowed() {
    given()
        .get("/characterization?root=/tmp")
        .then()
        .statusCode(403)
        .body("error", containsString("allow-root-override=true"));
  }

  @Test
  void nodeMetricsFollowTheLastCharacterization() throws Exception {
    // GIVEN what the agent says about its tree
    JsonNode c = JSON.readTree(given().get("/characterization").asString());

    // WHEN scraping
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

    // THEN the node gauges exist, and tagged ones follow the document
    for (String name :
        new String[] {
          "# TYPE minicloud_char_memory_total_bytes gauge",
          "# TYPE minicloud_char_memory_available_bytes gauge",
          "# TYPE minicloud_char_warnings gauge",
          "# TYPE minicloud_char_characterization_duration_seconds summary",
          "minicloud_char_characterization_duration_seconds_count",
          "# TYPE minicloud_char_label_errors counter",
          "minicloud_char_label_errors_total 0.0",
        }) {
      assertTrue(metrics.contains(name), () -> name + " missing in\n" + metrics);
    }
    assertTrue(
        metrics.contains("minicloud_char_warnings " + c.get("warnings").size() + ".0"),
        () -> "warnings gauge != " + c.get("warnings").size());
    for (JsonNode disk : c.at("/storage/devices")) {
      if (!disk.get("sizeBytes").isNull()) {
        String line =
            "minicloud_char_disk_size_bytes{device=\"" + disk.get("name").asText() + "\"}";
        assertTrue(metrics.contains(line), () -> line + " missing");
      }
    }
    for (JsonNode zone : c.at("/power/thermalZones")) {
      if (!zone.get("celsius").isNull()) {
        String line =
            "minicloud_char_temperature_celsius{zone=\"" + zone.get("name").asText() + "\"}";
        assertTrue(metrics.contains(line), () -> line + " missing");
      }
    }
    if (!c.at("/power/throttling").isNull()) {
      assertTrue(metrics.contains("minicloud_char_throttled{flag=\"under_voltage_now\"}"));
    }
  }
}
