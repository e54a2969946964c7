package io.minicloud.mapper.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode payload() throws Exception {
    return JSON.readTree(
        """
        {"ENERGY": {"Power": 12.5, "Phases": [1, 2, {"v": 230}]},
         "key with space": "a", "it's": "b", "quote\\"d": "c", "back\\\\slash": "d",
         "DS18B20-1": {"Temperature": 21.5}, "n": null, "0": "zero"}
        """);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$.ENERGY.Power                  | 12.5",
        "$.ENERGY.Phases[1]              | 2",
        "$.ENERGY.Phases[2].v            | 230",
        "$['ENERGY']['Phases'][0]        | 1",
        "$[\"ENERGY\"].Power             | 12.5",
        "$['key with space']             | \"a\"",
        "$['it\\'s']                     | \"b\"",
        "$['quote\"d']                   | \"c\"",
        "$[\"quote\\\"d\"]               | \"c\"",
        "$['back\\\\slash']              | \"d\"",
        "$.DS18B20-1.Temperature         | 21.5",
        "$.n                             | null",
        "$.0                             | \"zero\"",
        "$['0']                          | \"zero\""
      })
  void findsTheOneValueAPathNames(String path, String expected) throws Exception {
    // GIVEN a payload with nested objects, arrays and awkward member names
    JsonNode root = payload();

    // WHEN the path is parsed and evaluated
    JsonPath.Match match = JsonPath.parse(path).evaluate(root);

    // THEN it finds exactly the value it names
    assertTrue(match.found(), () -> path + ": " + match.missing());
    assertEquals(expected, match.value().toString());
  }

  @Test
  void dollarAloneIsTheWholePayload() throws Exception {
    // GIVEN a device that publishes a bare number
    JsonNode root = JSON.readTree("21.5");

    // WHEN $ is evaluated
    JsonPath.Match match = JsonPath.parse("$").evaluate(root);

    // THEN the whole payload is the value
    assertEquals(21.5, match.value().doubleValue());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "$.ENERGY.Current     | no member 'Current' in the object at $.ENERGY",
        "$.ENERGY.Phases[3]   | index 3 is past the end of the 3-element array at $.ENERGY.Phases",
        "$.ENERGY.Power.x     | $.ENERGY.Power is a number, not an object",
        "$.ENERGY[0]          | $.ENERGY is an object, not an array",
        "$.n.x                | $.n is null, not an object",
        "$['key with space'].x| $['key with space'] is a string, not an object"
      })
  void saysWhereAMissingValueWentMissing(String path, String why) throws Exception {
    // GIVEN the payload
    JsonNode root = payload();

    // WHEN a path that is not there is evaluated
    JsonPath.Match match = JsonPath.parse(path.trim()).evaluate(root);

    // THEN nothing is found, and the reason names the step that failed
    assertFalse(match.found());
    assertEquals(why.trim(), match.missing());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ENERGY.Power",
        "$..Power",
        "$.*",
        "$[*]",
        "$[?(@.v > 1)]",
        "$[(@.length-1)]",
        "$[-1]",
        "$[0:2]",
        "$.a b",
        "$.",
        "$[",
        "$['unclosed]",
        "$['bad \\n escape']",
        "$[12345678]",
        "$.a$",
        "$ .a"
      })
  void refusesWhatTheSubsetLeavesOut(String path) {
    // WHEN a path outside the subset is parsed
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(path));

    // THEN the message quotes the path or the limit
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void refusesPathsBeyondTheLimits() {
    // GIVEN a path one step over the limit, and one character over the length limit
    String deep = "$" + ".a".repeat(JsonPath.MAX_SEGMENTS + 1);
    String longPath = "$." + "a".repeat(JsonPath.MAX_LENGTH);

    // WHEN / THEN both are refused before any evaluation
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(deep))
            .getMessage()
            .contains("steps"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(longPath))
            .getMessage()
            .contains("characters"));
  }

  @Test
  void equalPathsAreEqualHoweverTheyAreSpelled() {
    // GIVEN one path in dot and in bracket notation
    JsonPath dot = JsonPath.parse("$.ENERGY.Power");
    JsonPath bracket = JsonPath.parse("$['ENERGY'][\"Power\"]");

    // THEN they name the same value and are equal
    assertEquals(dot, bracket);
    assertEquals(dot.hashCode(), bracket.hashCode());
  }

  @Test
  void memberNamesOfAPathWithoutIndicesAreTheStepsInOrder() {
    // GIVEN paths with and without an array index
    // WHEN their member names are asked for
    // THEN only index-free paths have them, in order
    assertEquals(java.util.List.of(), JsonPath.parse("$").memberNames().orElseThrow());
    assertEquals(
        java.util.List.of("a", "b c"), JsonPath.parse("$.a['b c']").memberNames().orElseThrow());
    assertTrue(JsonPath.parse("$.a[0]").memberNames().isEmpty());
  }
}
