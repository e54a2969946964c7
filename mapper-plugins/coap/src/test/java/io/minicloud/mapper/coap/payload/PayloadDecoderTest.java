package io.minicloud.mapper.coap.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.coap.config.CoapPoint;
import io.minicloud.mapper.coap.config.WriteMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadDecoderTest {
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private final PayloadDecoder decoder = new PayloadDecoder(4096);

  static CoapPoint point(PayloadFormat format, String path, DataType type) {
    return new CoapPoint(
        "/r",
        WriteMethod.PUT,
        format,
        format,
        JsonPath.parse(path),
        false,
        Optional.empty(),
        type,
        Transform.IDENTITY,
        BytesEncoding.BASE64,
        true);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private DeviceException refused(CoapPoint point, byte[] body, int ct) {
    return assertThrows(DeviceException.class, () -> decoder.decode(point, body, ct));
  }

  @Test
  void textBodiesConvertLikeJsonStrings() throws Exception {
    assertEquals(
        DoubleValue.of(21.5),
        decoder.decode(point(PayloadFormat.TEXT, "$", DataType.FLOAT64), utf8(" 21.5\n"), 0));
    assertEquals(
        new LongValue(-7, DataType.INT16),
        decoder.decode(point(PayloadFormat.TEXT, "$", DataType.INT16), utf8("-7"), -1));
    assertEquals(
        new BoolValue(true),
        decoder.decode(point(PayloadFormat.TEXT, "$", DataType.BOOL), utf8("on"), 0));
    assertEquals(
        new StringValue(" as is "),
        decoder.decode(point(PayloadFormat.TEXT, "$", DataType.STRING), utf8(" as is "), 0));
  }

  @Test
  void textThatIsNotTheTypeOrNotUtf8IsRefused() {
    assertEquals(
        ErrorKind.DECODE,
        refused(point(PayloadFormat.TEXT, "$", DataType.INT16), utf8("70000"), 0).kind());
    assertEquals(
        ErrorKind.DECODE,
        refused(point(PayloadFormat.TEXT, "$", DataType.FLOAT64), utf8(""), 0).kind());
    assertEquals(
        ErrorKind.MALFORMED,
        refused(point(PayloadFormat.TEXT, "$", DataType.STRING), new byte[] {(byte) 0xC3, 0x28}, 0)
            .kind());
  }

  @Test
  void jsonAndCborShareTheTreeAndThePath() throws Exception {
    CoapPoint json = point(PayloadFormat.JSON, "$.a[1].b", DataType.FLOAT64);
    byte[] cbor = CBOR.writeValueAsBytes(Map.of("a", new Object[] {0, Map.of("b", 2.25)}));
    assertEquals(
        DoubleValue.of(2.25), decoder.decode(json, utf8("{\"a\": [0, {\"b\": 2.25}]}"), 50));
    // the reply's Content-Format wins over the point's accept
    assertEquals(DoubleValue.of(2.25), decoder.decode(json, cbor, 60));
  }

  @Test
  void cborByteStringsAreBytes() throws Exception {
    CoapPoint bytes = point(PayloadFormat.CBOR, "$.raw", DataType.BYTES);
    byte[] cbor = CBOR.writeValueAsBytes(Map.of("raw", "AQI="));
    assertEquals(new BytesValue(new byte[] {1, 2}), decoder.decode(bytes, cbor, 60));
  }

  @Test
  void octetStreamsAreBytesOnly() throws Exception {
    CoapPoint octets = point(PayloadFormat.OCTETS, "$", DataType.BYTES);
    assertEquals(
        new BytesValue(new byte[] {0, (byte) 0xFF}),
        decoder.decode(octets, new byte[] {0, (byte) 0xFF}, 42));
    assertEquals(
        ErrorKind.DECODE,
        refused(point(PayloadFormat.TEXT, "$", DataType.INT32), new byte[] {1}, 42).kind());
  }

  @Test
  void unknownContentFormatsAndPathsOnTextAreMalformed() {
    assertEquals(
        ErrorKind.MALFORMED,
        refused(point(PayloadFormat.JSON, "$", DataType.INT32), utf8("1"), 11050).kind());
    assertEquals(
        ErrorKind.MALFORMED,
        refused(point(PayloadFormat.JSON, "$.x", DataType.INT32), utf8("1"), 0).kind());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a1",
        "a16170",
        "bf",
        "9f01",
        "7a7fffffff41",
        "5b00000000ffffffff",
        "c1",
        "f8",
        "fb3ff0",
        "a2616101616102",
        "a1616101ff",
        "1bffffffffffffffff00",
        "ff",
        "1c",
        "a1f6f6"
      })
  void hostileCborIsMalformedNeverAValue(String hex) {
    // truncated containers, 4 GiB declared lengths, reserved values, duplicate keys, trailing data
    CoapPoint p = point(PayloadFormat.CBOR, "$.a", DataType.INT64);
    DeviceException e = refused(p, HexFormat.of().parseHex(hex), 60);
    assertEquals(
        true, e.kind() == ErrorKind.MALFORMED || e.kind() == ErrorKind.DECODE, e.toString());
  }

  @Test
  void deeplyNestedCborIsRefusedQuickly() {
    byte[] deep = new byte[3000];
    java.util.Arrays.fill(deep, (byte) 0x81); // arrays of one element, 3000 deep
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () ->
            assertEquals(
                ErrorKind.MALFORMED,
                refused(point(PayloadFormat.CBOR, "$", DataType.INT64), deep, 60).kind()));
  }

  @Test
  void bodiesOverTheLimitAreNotParsed() {
    byte[] big = new byte[5000];
    assertEquals(
        ErrorKind.MALFORMED,
        refused(point(PayloadFormat.CBOR, "$", DataType.INT64), big, 60).kind());
    assertEquals(
        ErrorKind.MALFORMED,
        refused(point(PayloadFormat.JSON, "$", DataType.INT64), big, 50).kind());
  }

  @Test
  void randomBytesNeverBecomeAValueOfAnObjectPath() {
    Random random = new Random(11);
    CoapPoint cbor = point(PayloadFormat.CBOR, "$.celsius", DataType.FLOAT64);
    CoapPoint json = point(PayloadFormat.JSON, "$.celsius", DataType.FLOAT64);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[1 + random.nextInt(100)];
            random.nextBytes(body);
            for (CoapPoint p : new CoapPoint[] {cbor, json}) {
              try {
                decoder.decode(p, body, p.accept().number());
                // a random map with key "celsius" is astronomically unlikely; a value here is a bug
                throw new AssertionError(
                    "random bytes became a value: " + HexFormat.of().formatHex(body));
              } catch (DeviceException expected) {
                // malformed or decode
              }
            }
          }
        });
  }
}
