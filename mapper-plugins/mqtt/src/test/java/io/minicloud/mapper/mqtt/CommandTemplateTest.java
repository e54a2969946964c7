package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.api.json.BytesEncoding;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTemplateTest {

  private static String render(String template, String property, Value value)
      throws DeviceException {
    return new String(
        CommandTemplate.parse(template).render(property, value, BytesEncoding.BASE64),
        StandardCharsets.UTF_8);
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of(new LongValue(-5, DataType.INT16), "-5"),
        Arguments.of(new LongValue(-1, DataType.UINT64), "18446744073709551615"),
        Arguments.of(DoubleValue.of(21.0), "21"),
        Arguments.of(DoubleValue.of(21.5), "21.5"),
        Arguments.of(DoubleValue.of(0.1), "0.1"),
        Arguments.of(DoubleValue.of(1e-7), "1.0E-7"),
        Arguments.of(new BoolValue(true), "true"),
        Arguments.of(new StringValue("eco"), "\"eco\""),
        Arguments.of(new StringValue("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\""),
        Arguments.of(new BytesValue(new byte[] {1, 2, (byte) 0xFF}), "\"AQL/\""));
  }

  @ParameterizedTest
  @MethodSource("values")
  void valueIsACompleteJsonValue(Value value, String json) throws Exception {
    // WHEN the default template renders a value
    String payload = render("{\"p\": ${value}}", "p", value);

    // THEN the value is written as that JSON, and the payload parses
    assertEquals("{\"p\": " + json + "}", payload);
    new ObjectMapper().readTree(payload);
  }

  @Test
  void textIsThePlainValueForBareWordCommands() throws Exception {
    // GIVEN Shelly's relay command topic, which takes on/off
    // WHEN ${text} renders a string and a number
    // THEN they are unquoted
    assertEquals("on", render("${text}", "relay", new StringValue("on")));
    assertEquals("turn 42", render("turn ${text}", "x", new LongValue(42, DataType.INT32)));
  }

  @Test
  void theDefaultTemplateNamesTheProperty() throws Exception {
    // GIVEN a property whose name needs escaping
    CommandTemplate template = CommandTemplate.defaultFor("set\"point");

    // WHEN it renders
    String payload =
        new String(
            template.render("set\"point", new LongValue(21, DataType.INT16), BytesEncoding.HEX),
            StandardCharsets.UTF_8);

    // THEN the member name is escaped JSON
    assertEquals("{\"set\\\"point\": 21}", payload);
  }

  @Test
  void placeholdersRepeatAndMix() throws Exception {
    assertEquals(
        "{\"target\":\"mode\",\"v\":\"eco\",\"t\":\"eco\"}",
        render(
            "{\"target\":\"${property}\",\"v\":${value},\"t\":\"${text}\"}",
            "mode",
            new StringValue("eco")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"v\": ${valu}}", "{\"v\": ${value", "${}", "${VALUE}"})
  void unknownOrUnclosedPlaceholdersAreRefused(String template) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CommandTemplate.parse(template));
    assertTrue(
        e.getMessage().contains("${") || e.getMessage().contains("unclosed"), e.getMessage());
  }

  @Test
  void nanHasNoJsonFormAndIsRefused() {
    DeviceException e =
        assertThrows(
            DeviceException.class, () -> render("${value}", "p", DoubleValue.of(Double.NaN)));
    assertEquals(ErrorKind.DECODE, e.kind());
  }
}
