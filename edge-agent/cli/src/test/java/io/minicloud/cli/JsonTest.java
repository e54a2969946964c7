package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesAnAgentInfoAnswer() {
    // GIVEN what GET /api/v1/agent answers
    String body =
        "{\"agent\":\"char-agent\",\"version\":\"0.1.0-SNAPSHOT\",\"node\":\"pi\\u0031\","
            + " \"dataDir\":\"/var/lib/x\", \"n\": [1, 2.5, true, null]}";

    // WHEN parsed
    Map<?, ?> info = (Map<?, ?>) Json.parse(body);

    // THEN every value is typed
    assertEquals("char-agent", info.get("agent"));
    assertEquals("pi1", info.get("node"));
    assertEquals(Arrays.asList(1L, 2.5, true, null), info.get("n"));
  }

  @Test
  void rejectsGarbageWithTheOffset() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"status\": UP}"));
    assertTrue(e.getMessage().contains("offset 11"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} trailing"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse(""));
  }

  @Test
  void writesWhatItReads() {
    // GIVEN a document with quoting hazards
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("agent", "a \"quoted\"\\name\n");
    doc.put("pid", 42L);
    doc.put("list", List.of(1L, false));
    doc.put("none", null);

    // WHEN written and read back
    String text = Json.write(doc);

    // THEN it round-trips
    assertEquals(
        "{\"agent\":\"a \\\"quoted\\\"\\\\name\\n\",\"pid\":42,\"list\":[1,false],\"none\":null}",
        text);
    assertEquals(doc, Json.parse(text));
  }
}
