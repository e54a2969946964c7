package io.minicloud.mapper.coap.payload;

import static io.minicloud.mapper.coap.payload.PayloadDecoderTest.point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadEncoderTest {
  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void textIsThePlainValue() {
    assertEquals(
        "23.5",
        text(
            PayloadEncoder.encode(
                point(PayloadFormat.TEXT, "$", DataType.FLOAT64), DoubleValue.of(23.5))));
    assertEquals(
        "true",
        text(
            PayloadEncoder.encode(
                point(PayloadFormat.TEXT, "$", DataType.BOOL), new BoolValue(true))));
    assertEquals(
        "18446744073709551615",
        text(
            PayloadEncoder.encode(
                point(PayloadFormat.TEXT, "$", DataType.UINT64),
                new LongValue(-1, DataType.UINT64))));
  }

  @Test
  void jsonPutsTheValueAtItsPath() {
    assertEquals(
        "{\"a\":{\"b c\":\"x\"}}",
        text(
            PayloadEncoder.encode(
                point(PayloadFormat.JSON, "$.a['b c']", DataType.STRING), new StringValue("x"))));
    assertEquals(
        "7",
        text(
            PayloadEncoder.encode(
                point(PayloadFormat.JSON, "$", DataType.INT32), new LongValue(7, DataType.INT32))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PayloadEncoder.encode(
                point(PayloadFormat.JSON, "$.a[0]", DataType.INT32),
                new LongValue(7, DataType.INT32)));
  }

  @Test
  void cborRoundTripsThroughTheDecoder() throws Exception {
    var p = point(PayloadFormat.CBOR, "$.target.celsius", DataType.FLOAT64);
    byte[] body = PayloadEncoder.encode(p, DoubleValue.of(21.25));
    assertEquals(DoubleValue.of(21.25), new PayloadDecoder(1024).decode(p, body, 60));
  }
}
