package io.minicloud.mapper.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonValueConverterTest {
  private static final JsonPayloadParser PARSER = new JsonPayloadParser();

  /** The value of {@code t} in {@code {"t": <json>}}, parsed the way payloads are. */
  private static JsonNode json(String json) {
    ParsedPayload parsed = PARSER.parse(("{\"t\": " + json + "}").getBytes(StandardCharsets.UTF_8));
    return ((ParsedPayload.Json) parsed).root().get("t");
  }

  private static Value convert(String json, DataType type) throws DeviceException {
    return JsonValueConverter.convert(json(json), type, Transform.IDENTITY, BytesEncoding.BASE64);
  }

  private static DeviceException decodeError(String json, DataType type) {
    DeviceException e = assertThrows(DeviceException.class, () -> convert(json, type));
    assertEquals(ErrorKind.DECODE, e.kind(), e.getMessage());
    return e;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "21            | int16  | 21",
        "-32768        | int16  | -32768",
        "65535         | uint16 | 65535",
        "21.0          | int32  | 21",
        "2.1e1         | int32  | 21",
        "\"42\"        | int32  | 42",
        "-9223372036854775808 | int64 | -9223372036854775808",
        "4294967295    | uint32 | 4294967295"
      })
  void integersConvertExactly(String json, String type, long expected) throws Exception {
    // WHEN a whole number is read as an integer type
    Value value = convert(json.trim(), DataType.parse(type));

    // THEN it is that number, of that type
    assertEquals(new LongValue(expected, DataType.parse(type)), value);
  }

  @Test
  void uint64KeepsItsFullRangeAsABitPattern() throws Exception {
    // WHEN 2^64-1 is read as uint64
    LongValue value = (LongValue) convert("18446744073709551615", DataType.UINT64);

    // THEN the stored pattern is all ones and reads back unsigned
    assertEquals(-1L, value.value());
    assertEquals("18446744073709551615", value.unsignedValue().toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1099511627776 | int16  | does not fit int16",
        "32768         | int16  | does not fit int16",
        "-1            | uint16 | does not fit uint16",
        "18446744073709551616 | uint64 | does not fit uint64",
        "21.5          | int32  | not a whole number",
        "\"abc\"       | int32  | is not a int32",
        "\"NaN\"       | int64  | is not a int64",
        "true          | int16  | is not a int16",
        "null          | int16  | is not a int16",
        "{}            | int16  | is not a int16",
        "[1]           | int16  | is not a int16",
        "1e400         | int64  | does not fit int64"
      })
  void integersThatDoNotFitAreDecodeErrors(String json, String type, String why) {
    // WHEN a value that is no exact integer of the type is read
    DeviceException e = decodeError(json.trim(), DataType.parse(type));

    // THEN the error says why
    assertTrue(e.getMessage().contains(why.trim()), e.getMessage());
  }

  @Test
  void anAstronomicalExponentIsRefusedWithoutBuildingTheNumber() {
    // GIVEN 1e999999999: as a BigInteger it would need 400 MB
    // WHEN / THEN it is refused for every integer type in no time
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          decodeError("1e999999999", DataType.INT64);
          decodeError("1e999999999", DataType.UINT64);
          decodeError("1e999999999", DataType.FLOAT64);
        });
  }

  @Test
  void integersSentAsTextFollowTheBase() throws Exception {
    // GIVEN a property whose transform says base 16
    Transform hex = Transform.fromConfig(Map.of("base", 16));

    // WHEN "0x1F" and "ff" are read
    Value a =
        JsonValueConverter.convert(json("\"0x1F\""), DataType.UINT16, hex, BytesEncoding.BASE64);
    Value b =
        JsonValueConverter.convert(json("\"ff\""), DataType.UINT16, hex, BytesEncoding.BASE64);

    // THEN they are read in base 16
    assertEquals(new LongValue(31, DataType.UINT16), a);
    assertEquals(new LongValue(255, DataType.UINT16), b);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "21.5       | float64 | 21.5",
        "0.1        | float32 | 0.1",
        "-3         | float64 | -3",
        "\"21.5\"   | float64 | 21.5",
        "1e-400     | float64 | 0",
        "3.4e38     | float32 | 3.4e38"
      })
  void floatsKeepTheNearestDouble(String json, String type, double expected) throws Exception {
    // WHEN a number is read as a float type
    Value value = convert(json.trim(), DataType.parse(type));

    // THEN it is the double nearest to the decimal text
    assertEquals(new DoubleValue(expected, DataType.parse(type)), value);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e400      | float64",
        "-1e309     | float64",
        "3.5e38     | float32",
        "\"NaN\"    | float64",
        "\"Infinity\" | float64",
        "\"0x1p3\"  | float64",
        "\"21.5f\"  | float64",
        "\"\"       | float32",
        "false      | float64"
      })
  void floatsOutOfRangeOrNotNumbersAreDecodeErrors(String json, String type) {
    decodeError(json.trim(), DataType.parse(type));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true      | true",
        "false     | false",
        "\"ON\"    | true",
        "\"off\"   | false",
        "\"True\"  | true",
        "1         | true",
        "0         | false",
        "1.0       | true",
        "\"0\"     | false"
      })
  void boolsAcceptTheSpellingsDevicesUse(String json, boolean expected) throws Exception {
    assertEquals(new BoolValue(expected), convert(json.trim(), DataType.BOOL));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2", "0.5", "-1", "\"yes\"", "\"\"", "null", "[true]"})
  void otherBoolsAreDecodeErrors(String json) {
    decodeError(json.trim(), DataType.BOOL);
  }

  @Test
  void stringsTakeTextAndTheJsonTextOfScalars() throws Exception {
    assertEquals(new StringValue("eco"), convert("\"eco\"", DataType.STRING));
    assertEquals(new StringValue("21.5"), convert("21.5", DataType.STRING));
    assertEquals(new StringValue("true"), convert("true", DataType.STRING));
    decodeError("{\"a\": 1}", DataType.STRING);
    decodeError("null", DataType.STRING);
  }

  @Test
  void bytesAreBase64OrHexStrings() throws Exception {
    // GIVEN the same three bytes in both encodings
    JsonNode base64 = json("\"AQL/\"");
    JsonNode hex = json("\"0102FF\"");

    // WHEN they are read with the matching encoding
    Value fromBase64 =
        JsonValueConverter.convert(
            base64, DataType.BYTES, Transform.IDENTITY, BytesEncoding.BASE64);
    Value fromHex =
        JsonValueConverter.convert(hex, DataType.BYTES, Transform.IDENTITY, BytesEncoding.HEX);

    // THEN both are the bytes; a wrong encoding is a decode error
    assertEquals(new BytesValue(new byte[] {1, 2, (byte) 0xFF}), fromBase64);
    assertEquals(fromBase64, fromHex);
    assertThrows(
        DeviceException.class,
        () ->
            JsonValueConverter.convert(
                json("\"xyz!\""), DataType.BYTES, Transform.IDENTITY, BytesEncoding.BASE64));
    assertThrows(
        DeviceException.class,
        () ->
            JsonValueConverter.convert(
                json("\"abc\""), DataType.BYTES, Transform.IDENTITY, BytesEncoding.HEX));
  }
}
