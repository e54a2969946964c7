package io.minicloud.tetherbridge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST API v1 (docs/api/tether-bridge-v1.md) on the running app, reading the demo's simulated
 * Modbus TCP device (our own slave on loopback: the pymodbus peers are in the *IT tests) through
 * the example device file.
 */
@QuarkusTest
class BridgeApiTest {

  @BeforeEach
  void deviceIsOnline() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String health = given().get("/api/v1/devices").then().extract().path("[0].health");
      if ("online".equals(health)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "demo-climate did not come online: " + given().get("/api/v1/devices").asString());
  }

  @Test
  void listsTheDeviceWithItsLinkAndReadings() {
    given()
        .get("/api/v1/devices")
        .then()
        .statusCode(200)
        .body("device", hasItem("demo-climate"))
        .body("[0].link", equalTo("tcp:127.0.0.1:15099"))
        .body("[0].circuit", equalTo("closed"))
        .body("[0].lastOnline", notNullValue());
    given()
        .get("/api/v1/devices/demo-climate")
        .then()
        .statusCode(200)
        .body("source", containsString("demo-climate.yaml"))
        .body("status.health", equalTo("online"))
        .body("properties.temperature.quality", equalTo("GOOD"))
        .body("properties.temperature.value", notNullValue());
    given()
        .get("/api/v1/links")
        .then()
        .statusCode(200)
        .body("[0].id", equalTo("tcp:127.0.0.1:15099"))
        .body("[0].connected", equalTo(true));
    given().get("/api/v1/device-files").then().statusCode(200).body("applied", equalTo(true));
  }

  @Test
  void readsNowAndWritesAVerifiedSetpoint() {
    given()
        .get("/api/v1/devices/demo-climate/properties/humidity")
        .then()
        .statusCode(200)
        .body("quality", equalTo("GOOD"));
    given()
        .contentType("application/json")
        .body("{\"value\": 23.5}")
        .put("/api/v1/devices/demo-climate/properties/setpoint")
        .then()
        .statusCode(200)
        .body("observedDesired", equalTo(23.5f))
        .body("pending", equalTo(false));
    given()
        .get("/api/v1/devices/demo-climate/twin")
        .then()
        .statusCode(200)
        .body("setpoint.reported", equalTo(23.5f));
  }

  @Test
  void refusesValuesThePropertyCannotTake() {
    given()
        .contentType("application/json")
        .body("{\"value\": 99}")
        .put("/api/v1/devices/demo-climate/properties/setpoint")
        .then()
        .statusCode(400)
        .body("error", containsString("outside the model's range"));
    given()
        .contentType("application/json")
        .body("{\"value\": 3}")
        .put("/api/v1/devices/demo-climate/properties/temperature")
        .then()
        .statusCode(400)
        .body("error", containsString("ReadOnly"));
    given().get("/api/v1/devices/nope").then().statusCode(404);
    given().get("/api/v1/devices/demo-climate/properties/nope").then().statusCode(404);
  }

  @Test
  void framesShowTheModbusTrafficInHex() {
    given()
        .get("/api/v1/devices/demo-climate/frames?limit=4")
        .then()
        .statusCode(200)
        .body("size()", equalTo(4))
        .body("direction", hasItem("tx"))
        .body("direction", hasItem("rx"))
        .body("[0].hex", not(equalTo("")));
  }

  @Test
  void metricsCountReadsPerDeviceAndTheQueue() {
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    for (String name :
        new String[] {
          "minicloud_tether_bridge_reads_total{device=\"demo-climate\",link=\"tcp:127.0.0.1:15099\"",
          "minicloud_tether_bridge_poll_latency_seconds_bucket{device=\"demo-climate\"",
          "minicloud_tether_bridge_link_busy_seconds_total{link=\"tcp:127.0.0.1:15099\"",
          "minicloud_tether_bridge_queue_depth_messages",
          "minicloud_tether_bridge_queue_dropped_total{reason=\"full\"}",
          "minicloud_tether_bridge_devices{health=\"online\"} 1.0",
          "minicloud_tether_bridge_mqtt_connected"
        }) {
      assertTrue(metrics.contains(name), name + " missing from /q/metrics");
    }
  }
}
