package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Test
  void bytesValueCopiesDefensivelyAndComparesOnContent() {
    // GIVEN
    byte[] source = {0x01, (byte) 0xAB};
    BytesValue value = new BytesValue(source);

    // WHEN
    source[0] = 9;
    value.value()[1] = 9;

    // THEN
    assertEquals(new BytesValue(new byte[] {0x01, (byte) 0xAB}), value);
    assertEquals(new BytesValue(new byte[] {0x01, (byte) 0xAB}).hashCode(), value.hashCode());
    assertNotEquals(new BytesValue(new byte[] {0x01}), value);
    assertEquals("BytesValue[01ab]", value.toString());
    assertEquals(DataType.BYTES, value.type());
  }

  @Test
  void longValueRejectsValuesOutsideItsType() {
    var error =
        assertThrows(IllegalArgumentException.class, () -> new LongValue(70000, DataType.UINT16));
    assertEquals("70000 does not fit uint16 [0, 65535]", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LongValue(-1, DataType.UINT32));
    assertThrows(IllegalArgumentException.class, () -> new LongValue(1, DataType.FLOAT32));
  }

  @Test
  void uint64CarriesTheRawPattern() {
    LongValue max = new LongValue(-1L, DataType.UINT64);
    assertEquals(new BigInteger("18446744073709551615"), max.unsignedValue());
    assertEquals(BigInteger.valueOf(-5), new LongValue(-5, DataType.INT64).unsignedValue());
    assertEquals(1.8446744073709552E19, max.doubleValue());
  }

  @Test
  void everyValueKnowsItsType() {
    assertEquals(DataType.BOOL, new BoolValue(true).type());
    assertEquals(DataType.STRING, new StringValue("x").type());
    assertEquals(DataType.FLOAT64, DoubleValue.of(1).type());
    assertEquals(DataType.INT64, LongValue.of(1).type());
    assertThrows(IllegalArgumentException.class, () -> new DoubleValue(1, DataType.INT32));
  }
}
