package io.minicloud.mapper.coap.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.coap.config.CoapUri;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceSuggestionsTest {
  @Test
  void resourcesBecomeUniqueDnsNamedPropertiesAndWellKnownIsSkipped() {
    List<SuggestedProperty> properties =
        DeviceSuggestions.properties(
            LinkFormatParser.parse(
                "</.well-known/core>,</>,<coap://other/x>,</Sensors/Temp_1>;rt=\"temperature\";ct=50;obs,"
                    + "</sensors/temp-1>;if=\"core.a\";rt=\"relay\""));
    assertEquals(2, properties.size());
    assertEquals("sensors-temp-1", properties.get(0).name());
    assertEquals("sensors-temp-1-2", properties.get(1).name());
    assertEquals("FLOAT", properties.get(0).type());
    assertTrue(properties.get(0).observe());
    assertEquals("BOOLEAN", properties.get(1).type());
    assertTrue(properties.get(1).writable());
  }

  @Test
  void hostileTitlesAndPathsCannotInjectYaml() {
    List<SuggestedProperty> properties =
        DeviceSuggestions.properties(
            LinkFormatParser.parse("</a\">;title=\"x\\\"\\nkind: Evil\\u2028---\""));
    CoapUri uri = CoapUri.parse("coap://127.0.0.1");
    String yaml =
        DeviceSuggestions.yaml(uri, DeviceSuggestions.protocolConfig(uri, Map.of()), properties);
    assertFalse(yaml.contains("\nkind: Evil"), yaml);
    assertTrue(yaml.contains("path: \"/a\\\"\""), yaml);
    assertTrue(yaml.startsWith("# SUGGESTED"), yaml);
  }

  @Test
  void quoteEscapesControlAndLineSeparators() {
    assertEquals("\"a\\\"b\\\\c\\u000a\\u2028\"", DeviceSuggestions.quote("a\"b\\c\n\u2028"));
  }
}
