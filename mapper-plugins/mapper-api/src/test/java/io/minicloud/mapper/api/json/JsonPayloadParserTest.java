package io.minicloud.mapper.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile payloads: every one must end in Malformed or Oversize, quickly, never in a throw. */
class JsonPayloadParserTest {
  private final JsonPayloadParser parser = new JsonPayloadParser();

  private ParsedPayload parse(String text) {
    return parser.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String reason(ParsedPayload parsed) {
    return assertInstanceOf(ParsedPayload.Malformed.class, parsed).reason();
  }

  @Test
  void parsesAnOrdinaryPayload() {
    // WHEN a Tasmota-style payload is parsed
    ParsedPayload parsed = parse("{\"ENERGY\": {\"Power\": 12.5}, \"POWER\": \"ON\"}");

    // THEN it is a JSON tree with its values
    ParsedPayload.Json json = assertInstanceOf(ParsedPayload.Json.class, parsed);
    assertEquals(12.5, json.root().at("/ENERGY/Power").doubleValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "{\"a\":"})
  void tenThousandLevelsOfNestingAreRefusedWithoutStackOverflow(String level) {
    // GIVEN 10 000 nested arrays or objects (unclosed: the depth limit must trip first)
    String deep = level.repeat(10_000);

    // WHEN it is parsed
    ParsedPayload parsed = parse(deep);

    // THEN the depth limit rejects it
    assertTrue(reason(parsed).contains("depth"), reason(parsed));
  }

  @Test
  void nestingUpToTheLimitIsFine() {
    // GIVEN exactly the allowed depth
    int depth = JsonPayloadParser.MAX_DEPTH;
    String payload = "[".repeat(depth) + "1" + "]".repeat(depth);

    // THEN it parses
    assertInstanceOf(ParsedPayload.Json.class, parse(payload));
  }

  @Test
  void aNumberWithThousandsOfDigitsIsRefused() {
    // GIVEN a 5000-digit number (BigInteger parsing is quadratic in its length)
    String huge = "{\"t\": 1" + "0".repeat(5000) + "}";

    // THEN the number length limit rejects the payload
    assertTrue(reason(parse(huge)).contains("Number value length"), reason(parse(huge)));
  }

  @Test
  void hugeExponentsStayExactNumbers() {
    // GIVEN numbers too large or too small for any Java primitive
    ParsedPayload parsed = parse("{\"big\": 1e400, \"small\": -1e-400, \"wide\": 1e999999999}");

    // THEN they parse as exact decimals (the converter refuses them per type, quickly)
    ParsedPayload.Json json = assertInstanceOf(ParsedPayload.Json.class, parsed);
    assertEquals("1E+400", json.root().get("big").decimalValue().toString());
    assertEquals("1E+999999999", json.root().get("wide").decimalValue().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"t\": NaN}",
        "{\"t\": Infinity}",
        "{\"t\": -Infinity}",
        "{\"t\": 1, \"t\": 2}",
        "{\"a\": {\"t\": 1, \"t\": 1}}",
        "{\"t\": 21.5",
        "{\"t\": 21.5}}",
        "{\"t\": 21.5} trailing",
        "{'t': 1}",
        "{\"t\": 1 /* comment */}",
        "{\"t\": 01}",
        "on",
        ""
      })
  void whatIsNotStrictJsonIsMalformed(String payload) {
    // WHEN it is parsed
    ParsedPayload parsed = parse(payload);

    // THEN it is malformed, with a reason
    assertTrue(!reason(parsed).isBlank());
  }

  @Test
  void anEmptyPayloadSaysSo() {
    // WHEN an empty (or blank) payload is parsed: MQTT's way to clear a retained message
    // THEN the reason is plain
    assertEquals("empty payload", reason(parser.parse(new byte[0])));
    assertEquals("empty payload", reason(parse("  \n")));
  }

  @Test
  void invalidUtf8IsMalformed() {
    // GIVEN a string holding a byte that cannot start a UTF-8 sequence
    byte[] payload = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

    // THEN the parser rejects it instead of decoding a replacement character
    assertTrue(reason(parser.parse(payload)).contains("UTF-8"), reason(parser.parse(payload)));
  }

  @Test
  void binaryJunkIsMalformedAndNeverThrows() {
    // GIVEN 500 random payloads of random length
    Random random = new Random(7);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          for (int i = 0; i < 500; i++) {
            byte[] junk = new byte[1 + random.nextInt(2048)];
            random.nextBytes(junk);
            junk[0] = (byte) (0x80 | junk[0]); // never a digit: a lone number would be JSON

            // WHEN each is parsed
            ParsedPayload parsed = parser.parse(junk);

            // THEN none is taken for JSON
            assertInstanceOf(ParsedPayload.Malformed.class, parsed);
          }
        });
  }

  @Test
  void payloadsOverTheLimitAreNotParsed() {
    // GIVEN a parser limited to 64 bytes, and a 65-byte payload
    JsonPayloadParser small = new JsonPayloadParser(64);
    byte[] payload = ("{\"t\": \"" + "x".repeat(56) + "\"}").getBytes(StandardCharsets.UTF_8);

    // WHEN it is parsed
    ParsedPayload parsed = small.parse(payload);

    // THEN it is oversize, with the numbers
    assertEquals(new ParsedPayload.Oversize(65, 64), parsed);
  }

  @Test
  void theDefaultLimitIs256KiB() {
    // GIVEN a valid payload one byte over 256 KiB
    String envelope = "{\"t\": \"\"}";
    String filler = "x".repeat(JsonPayloadParser.DEFAULT_MAX_BYTES - envelope.length() + 1);
    byte[] payload = ("{\"t\": \"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
    byte[] justFits = ("{\"t\": \"" + filler.substring(1) + "\"}").getBytes(StandardCharsets.UTF_8);

    // THEN it is dropped unparsed, while one byte less still parses
    assertEquals(JsonPayloadParser.DEFAULT_MAX_BYTES + 1, payload.length);
    assertInstanceOf(ParsedPayload.Oversize.class, parser.parse(payload));
    assertInstanceOf(ParsedPayload.Json.class, parser.parse(justFits));
  }
}
