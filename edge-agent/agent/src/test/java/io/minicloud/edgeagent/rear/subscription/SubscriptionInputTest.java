package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.RearJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and mistaken input gets a JSON 4xx naming the field; owners and limits are enforced. */
class SubscriptionInputTest {

  @TempDir Path dir;
  SubscriptionTestNode node;

  @BeforeEach
  void setUp() throws Exception {
    SubscriptionSettings d = SubscriptionSettings.defaults();
    node =
        new SubscriptionTestNode(
            dir,
            new SubscriptionSettings(
                2,
                1,
                d.keepAlive(),
                d.retention(),
                d.maxEvents(),
                d.maxAttempts(),
                d.giveUpAfter(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                d.webhookTimeout()));
  }

  @AfterEach
  void tearDown() throws Exception {
    node.close();
  }

  private JsonNode expect(int status, HttpResponse<String> r) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        "a JSON error, not a bare status");
    return RearJson.mapper().readTree(r.body());
  }

  private HttpResponse<String> create(String token, String body) throws Exception {
    return node.send("POST", "/api/v2/subscriptions", token, body);
  }

  @ParameterizedTest(name = "{0} -> field {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"flavorType\": \"gpu\"}|flavorType",
        "{}|flavorType",
        "{\"flavorType\": \"k8slice\", \"filter\": \"filter[colour][match]=red\"}|filter",
        "{\"flavorType\": \"k8slice\", \"filter\": \"filter[cpu][range][min]=lots\"}|filter",
        "{\"flavorType\": \"k8slice\", \"webhook\": \"ftp://example.org/hook\"}|webhook",
        "{\"flavorType\": \"k8slice\", \"webhook\": \"https://user:pw@example.org/h\"}|webhook",
        "{\"flavorType\": \"k8slice\", \"webhook\": \"not a url\"}|webhook",
        "{\"flavorType\": \"k8slice\", \"webhook\": \"/relative/hook\"}|webhook",
        "{\"flavorType\": |body",
        "[1, 2]|body",
        "null|body",
        "{\"flavorType\": [\"k8slice\"]}|body",
      })
  void aBadBodyIsA400NamingTheField(String body, String field) throws Exception {
    JsonNode error = expect(400, create(SubscriptionTestNode.ALICE, body));

    assertEquals(field, error.get("field").asText(), error.toString());
    assertEquals(400, error.get("status").asInt());
  }

  @Test
  void aFilterErrorCarriesTheParsersReason() throws Exception {
    JsonNode error =
        expect(
            400,
            create(
                SubscriptionTestNode.ALICE,
                "{\"flavorType\": \"k8slice\", \"filter\": \"filter[colour][match]=red\"}"));

    assertTrue(error.get("error").asText().contains("colour"), error.toString());
  }

  @Test
  void aBodyOver64KiBIsA400() throws Exception {
    String big = "{\"flavorType\": \"k8slice\", \"filter\": \"" + "x".repeat(70 * 1024) + "\"}";

    JsonNode error = expect(400, create(SubscriptionTestNode.ALICE, big));

    assertEquals("body", error.get("field").asText());
  }

  @Test
  void onlyItsCreatorMayReadOrDeleteASubscription() throws Exception {
    JsonNode created =
        expect(201, create(SubscriptionTestNode.ALICE, "{\"flavorType\": \"service\"}"));
    String path = "/api/v2/subscriptions/" + created.get("subscriptionID").asText();
    assertTrue(
        created.get("subscriptionID").asText().matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?"));

    expect(403, node.send("DELETE", path, SubscriptionTestNode.BOB, null));
    expect(403, node.send("GET", path, SubscriptionTestNode.BOB, null));
    try (SseClient bob = node.stream(path + "/events", SubscriptionTestNode.BOB, null)) {
      assertEquals(403, bob.response.statusCode());
    }
    expect(401, node.send("DELETE", path, null, null));
    JsonNode read = expect(200, node.send("GET", path, SubscriptionTestNode.ALICE, null));
    assertEquals("sse", read.get("kind").asText());
    assertEquals("service", read.get("flavorType").asText());

    assertEquals(204, node.send("DELETE", path, SubscriptionTestNode.ALICE, null).statusCode());
    expect(404, node.send("GET", path, SubscriptionTestNode.ALICE, null));
    expect(404, node.send("DELETE", path, SubscriptionTestNode.ALICE, null));
  }

  @Test
  void streamsRefuseABadLastEventIdAndAnUnknownType() throws Exception {
    JsonNode created =
        expect(201, create(SubscriptionTestNode.ALICE, "{\"flavorType\": \"k8slice\"}"));
    String events = created.get("events").asText();

    try (SseClient bad = node.stream(events, SubscriptionTestNode.ALICE, -5L)) {
      assertEquals(400, bad.response.statusCode());
    }
    try (SseClient unknown =
        node.stream("/api/v2/flavors/events?type=gpu", SubscriptionTestNode.ALICE, null)) {
      assertEquals(400, unknown.response.statusCode());
    }
    try (SseClient badFilter =
        node.stream(
            "/api/v2/flavors/events?type=k8slice&filter[colour][match]=red",
            SubscriptionTestNode.ALICE,
            null)) {
      assertEquals(400, badFilter.response.statusCode());
    }
    expect(405, node.send("PUT", "/api/v2/subscriptions", SubscriptionTestNode.ALICE, "{}"));
  }

  @Test
  void limitsAnswer429ForSubscriptionsAnd503ForStreams() throws Exception {
    expect(201, create(SubscriptionTestNode.ALICE, "{\"flavorType\": \"k8slice\"}"));
    JsonNode second = expect(201, create(SubscriptionTestNode.ALICE, "{\"flavorType\": \"vm\"}"));

    expect(429, create(SubscriptionTestNode.ALICE, "{\"flavorType\": \"sensor\"}"));
    expect(201, create(SubscriptionTestNode.BOB, "{\"flavorType\": \"sensor\"}"));
    assertEquals(
        3.0,
        node.registry
            .get("minicloud_edge_agent_rear_subscriptions")
            .tag("kind", "sse")
            .gauge()
            .value());

    try (SseClient first =
        node.stream(second.get("events").asText(), SubscriptionTestNode.ALICE, null)) {
      assertEquals(200, first.response.statusCode());
      try (SseClient over =
          node.stream("/api/v2/flavors/events?type=vm", SubscriptionTestNode.ALICE, null)) {
        assertEquals(503, over.response.statusCode(), "one stream at most in this test");
      }
    }
  }
}
