package io.minicloud.mapper.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Binding untyped configData: every error collected with its field path, nothing thrown. */
class ConfigFieldsTest {
  private final List<FieldError> errors = new ArrayList<>();

  private ConfigFields fields(Map<String, Object> values) {
    return new ConfigFields(values, key -> "configData." + key, errors);
  }

  @Test
  void numbersComeAsNumbersOrDecimalOrHexStringsWithinTheirRange() {
    ConfigFields f = fields(Map.of("a", 12, "b", "0x48", "c", " 7 ", "d", 1.5, "e", 99));
    assertEquals(Optional.of(12L), f.integer("a", 0, 100));
    assertEquals(Optional.of(0x48L), f.integer("b", 0, 127));
    assertEquals(Optional.of(7L), f.integer("c", 0, 10));
    assertEquals(Optional.empty(), f.integer("d", 0, 10));
    assertEquals(Optional.empty(), f.integer("e", 0, 10));
    assertEquals(Optional.empty(), f.integer("absent", 0, 10));
    assertEquals(
        List.of("configData.d", "configData.e"), errors.stream().map(FieldError::field).toList());
    assertTrue(errors.get(1).reason().contains("outside 0..10"), errors.toString());
  }

  @Test
  void parsedTakesScalarsAndReportsTheParsersReason() {
    ConfigFields f = fields(Map.of("pin", 13, "mode", "bogus", "list", List.of(1, 2)));
    assertEquals(Optional.of(13), f.parsed("pin", Integer::parseInt));
    assertEquals(
        Optional.empty(),
        f.parsed(
            "mode",
            t -> {
              throw new IllegalArgumentException("'" + t + "' is not a mode");
            }));
    assertEquals(Optional.empty(), f.parsed("list", t -> t));
    assertEquals(2, errors.size(), errors.toString());
    assertEquals("'bogus' is not a mode", errors.get(0).reason());
    assertEquals("expected a single value", errors.get(1).reason());
  }

  @Test
  void choicesAreCaseInsensitiveAndTextRefusesNumbersAndExplicitNulls() {
    Map<String, Object> values = new HashMap<>();
    values.put("mode", "output");
    values.put("password", 123);
    values.put("empty", null);
    ConfigFields f = fields(values);
    assertEquals(Optional.of("OUTPUT"), f.choice("mode", List.of("INPUT", "OUTPUT")));
    assertEquals(Optional.empty(), f.text("password"), "a number would lose leading zeros");
    assertEquals(Optional.empty(), f.text("empty"));
    assertEquals(List.of("expected a non-empty string", "has no value"), reasons());
  }

  @Test
  void unknownKeysAreNamedWithWhatIsKnown() {
    fields(Map.of("pin", 1, "pni", 2)).rejectUnknown(Set.of("pin"));
    assertEquals(1, errors.size());
    assertEquals("configData.pni", errors.get(0).field());
    assertTrue(errors.get(0).reason().contains("known settings are pin"), errors.toString());
  }

  private List<String> reasons() {
    return errors.stream().map(FieldError::reason).toList();
  }
}
