package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RegisterCodecTest {

  /** Known vectors: type, order, registers on the wire, expected value. */
  static Stream<Arguments> vectors() {
    return Stream.of(
        // float32 123.456 = 0x42F6E979
        Arguments.of(DataType.FLOAT32, ByteOrder4.ABCD, new int[] {0x42F6, 0xE979}, f32(123.456f)),
        Arguments.of(DataType.FLOAT32, ByteOrder4.CDAB, new int[] {0xE979, 0x42F6}, f32(123.456f)),
        Arguments.of(DataType.FLOAT32, ByteOrder4.BADC, new int[] {0xF642, 0x79E9}, f32(123.456f)),
        Arguments.of(DataType.FLOAT32, ByteOrder4.DCBA, new int[] {0x79E9, 0xF642}, f32(123.456f)),
        // int16 -2 = 0xFFFE, uint16 0x1234
        Arguments.of(DataType.INT16, ByteOrder4.ABCD, new int[] {0xFFFE}, i(-2, DataType.INT16)),
        Arguments.of(DataType.INT16, ByteOrder4.CDAB, new int[] {0xFFFE}, i(-2, DataType.INT16)),
        Arguments.of(DataType.INT16, ByteOrder4.BADC, new int[] {0xFEFF}, i(-2, DataType.INT16)),
        Arguments.of(DataType.INT16, ByteOrder4.DCBA, new int[] {0xFEFF}, i(-2, DataType.INT16)),
        Arguments.of(
            DataType.UINT16, ByteOrder4.ABCD, new int[] {0x1234}, i(0x1234, DataType.UINT16)),
        Arguments.of(
            DataType.UINT16, ByteOrder4.CDAB, new int[] {0x1234}, i(0x1234, DataType.UINT16)),
        Arguments.of(
            DataType.UINT16, ByteOrder4.BADC, new int[] {0x3412}, i(0x1234, DataType.UINT16)),
        Arguments.of(
            DataType.UINT16, ByteOrder4.DCBA, new int[] {0x3412}, i(0x1234, DataType.UINT16)),
        // int32 -2 = 0xFFFFFFFE
        Arguments.of(
            DataType.INT32, ByteOrder4.ABCD, new int[] {0xFFFF, 0xFFFE}, i(-2, DataType.INT32)),
        Arguments.of(
            DataType.INT32, ByteOrder4.CDAB, new int[] {0xFFFE, 0xFFFF}, i(-2, DataType.INT32)),
        Arguments.of(
            DataType.INT32, ByteOrder4.BADC, new int[] {0xFFFF, 0xFEFF}, i(-2, DataType.INT32)),
        Arguments.of(
            DataType.INT32, ByteOrder4.DCBA, new int[] {0xFEFF, 0xFFFF}, i(-2, DataType.INT32)),
        // uint32 0x12345678 and 4294967295
        Arguments.of(
            DataType.UINT32,
            ByteOrder4.ABCD,
            new int[] {0x1234, 0x5678},
            i(0x12345678, DataType.UINT32)),
        Arguments.of(
            DataType.UINT32,
            ByteOrder4.CDAB,
            new int[] {0x5678, 0x1234},
            i(0x12345678, DataType.UINT32)),
        Arguments.of(
            DataType.UINT32,
            ByteOrder4.BADC,
            new int[] {0x3412, 0x7856},
            i(0x12345678, DataType.UINT32)),
        Arguments.of(
            DataType.UINT32,
            ByteOrder4.DCBA,
            new int[] {0x7856, 0x3412},
            i(0x12345678, DataType.UINT32)),
        Arguments.of(
            DataType.UINT32,
            ByteOrder4.DCBA,
            new int[] {0xFFFF, 0xFFFF},
            i(4294967295L, DataType.UINT32)),
        // int64 0x0102030405060708 in every order, and the extremes
        Arguments.of(
            DataType.INT64,
            ByteOrder4.ABCD,
            new int[] {0x0102, 0x0304, 0x0506, 0x0708},
            i(0x0102030405060708L, DataType.INT64)),
        Arguments.of(
            DataType.INT64,
            ByteOrder4.CDAB,
            new int[] {0x0708, 0x0506, 0x0304, 0x0102},
            i(0x0102030405060708L, DataType.INT64)),
        Arguments.of(
            DataType.INT64,
            ByteOrder4.BADC,
            new int[] {0x0201, 0x0403, 0x0605, 0x0807},
            i(0x0102030405060708L, DataType.INT64)),
        Arguments.of(
            DataType.INT64,
            ByteOrder4.DCBA,
            new int[] {0x0807, 0x0605, 0x0403, 0x0201},
            i(0x0102030405060708L, DataType.INT64)),
        Arguments.of(
            DataType.INT64,
            ByteOrder4.ABCD,
            new int[] {0x8000, 0, 0, 0},
            i(Long.MIN_VALUE, DataType.INT64)),
        Arguments.of(
            DataType.INT64,
            ByteOrder4.DCBA,
            new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFF7F},
            i(Long.MAX_VALUE, DataType.INT64)),
        Arguments.of(
            DataType.UINT64,
            ByteOrder4.CDAB,
            new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF},
            i(-1L, DataType.UINT64)),
        Arguments.of(
            DataType.UINT64,
            ByteOrder4.BADC,
            new int[] {0x0080, 0, 0, 0},
            i(Long.MIN_VALUE, DataType.UINT64)),
        // float64 pi = 0x400921FB54442D18
        Arguments.of(
            DataType.FLOAT64,
            ByteOrder4.ABCD,
            new int[] {0x4009, 0x21FB, 0x5444, 0x2D18},
            f64(Math.PI)),
        Arguments.of(
            DataType.FLOAT64,
            ByteOrder4.CDAB,
            new int[] {0x2D18, 0x5444, 0x21FB, 0x4009},
            f64(Math.PI)),
        Arguments.of(
            DataType.FLOAT64,
            ByteOrder4.BADC,
            new int[] {0x0940, 0xFB21, 0x4454, 0x182D},
            f64(Math.PI)),
        Arguments.of(
            DataType.FLOAT64,
            ByteOrder4.DCBA,
            new int[] {0x182D, 0x4454, 0xFB21, 0x0940},
            f64(Math.PI)),
        // bool: non-zero is true, order irrelevant
        Arguments.of(DataType.BOOL, ByteOrder4.ABCD, new int[] {1}, new BoolValue(true)),
        Arguments.of(DataType.BOOL, ByteOrder4.DCBA, new int[] {0}, new BoolValue(false)),
        // string and bytes: register by register, BADC/DCBA swap inside each register
        Arguments.of(
            DataType.STRING, ByteOrder4.ABCD, new int[] {0x4142, 0x4300}, new StringValue("ABC")),
        Arguments.of(
            DataType.STRING, ByteOrder4.CDAB, new int[] {0x4142, 0x4300}, new StringValue("ABC")),
        Arguments.of(
            DataType.STRING, ByteOrder4.BADC, new int[] {0x4241, 0x0043}, new StringValue("ABC")),
        Arguments.of(
            DataType.STRING, ByteOrder4.DCBA, new int[] {0x4241, 0x0043}, new StringValue("ABC")),
        Arguments.of(
            DataType.BYTES,
            ByteOrder4.ABCD,
            new int[] {0x0102, 0x0300},
            new BytesValue(new byte[] {1, 2, 3, 0})),
        Arguments.of(
            DataType.BYTES,
            ByteOrder4.CDAB,
            new int[] {0x0102, 0x0300},
            new BytesValue(new byte[] {1, 2, 3, 0})),
        Arguments.of(
            DataType.BYTES,
            ByteOrder4.BADC,
            new int[] {0x0201, 0x0003},
            new BytesValue(new byte[] {1, 2, 3, 0})),
        Arguments.of(
            DataType.BYTES,
            ByteOrder4.DCBA,
            new int[] {0x0201, 0x0003},
            new BytesValue(new byte[] {1, 2, 3, 0})));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void decodesKnownVectors(DataType type, ByteOrder4 order, int[] registers, Value expected) {
    // WHEN
    Value value = RegisterCodec.decode(registers, type, order);

    // THEN
    assertEquals(expected, value);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("vectors")
  void encodesKnownVectorsBackToTheSameRegisters(
      DataType type, ByteOrder4 order, int[] registers, Value value) {
    // WHEN
    int[] encoded = RegisterCodec.encode(value, order, registers.length);

    // THEN
    assertArrayEquals(registers, encoded);
  }

  @ParameterizedTest
  @EnumSource(ByteOrder4.class)
  void roundTripsExtremesOfEveryIntegerType(ByteOrder4 order) {
    // GIVEN
    Value[] values = {
      i(Short.MIN_VALUE, DataType.INT16),
      i(Short.MAX_VALUE, DataType.INT16),
      i(0, DataType.UINT16),
      i(65535, DataType.UINT16),
      i(Integer.MIN_VALUE, DataType.INT32),
      i(Integer.MAX_VALUE, DataType.INT32),
      i(0, DataType.UINT32),
      i(4294967295L, DataType.UINT32),
      i(Long.MIN_VALUE, DataType.INT64),
      i(Long.MAX_VALUE, DataType.INT64),
      i(0, DataType.UINT64),
      i(-1L, DataType.UINT64),
      f32(-0.0f),
      f32(Float.MIN_VALUE),
      f32(Float.MAX_VALUE),
      f64(-Double.MAX_VALUE),
      f64(Double.MIN_VALUE),
      f64(1e-300)
    };

    for (Value value : values) {
      // WHEN
      Value decoded = RegisterCodec.decode(RegisterCodec.encode(value, order), value.type(), order);

      // THEN
      assertEquals(value, decoded, value + " in " + order);
    }
  }

  @Test
  void decodesUint64MaxAsAnUnsignedNumber() {
    // WHEN
    LongValue value =
        (LongValue)
            RegisterCodec.decode(
                new int[] {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF}, DataType.UINT64, ByteOrder4.ABCD);

    // THEN
    assertEquals(new BigInteger("18446744073709551615"), value.unsignedValue());
  }

  @Test
  void decodesNanAndInfinityFaithfullyAndLeavesTheVerdictToTheTransform() {
    // WHEN
    Value nan = RegisterCodec.decode(new int[] {0x7FC0, 0x0000}, DataType.FLOAT32, ByteOrder4.ABCD);
    Value inf =
        RegisterCodec.decode(new int[] {0x7FF0, 0, 0, 0}, DataType.FLOAT64, ByteOrder4.ABCD);

    // THEN
    assertTrue(Double.isNaN(((DoubleValue) nan).value()));
    assertEquals(Double.POSITIVE_INFINITY, ((DoubleValue) inf).value());
    assertArrayEquals(new int[] {0x7FC0, 0x0000}, RegisterCodec.encode(nan, ByteOrder4.ABCD));
  }

  @Test
  void trimsTrailingNulsAndSpacesFromStrings() {
    // GIVEN "SN-42" then a space and NULs
    int[] registers = {0x534E, 0x2D34, 0x3220, 0x0000, 0x0000};

    // WHEN
    Value value = RegisterCodec.decode(registers, DataType.STRING, ByteOrder4.ABCD);

    // THEN
    assertEquals(new StringValue("SN-42"), value);
  }

  @Test
  void encodesAStringWithAnOddByteCountPaddedWithANul() {
    // WHEN
    int[] registers = RegisterCodec.encode(new StringValue("abc"), ByteOrder4.ABCD);

    // THEN
    assertArrayEquals(new int[] {0x6162, 0x6300}, registers);
    assertEquals(
        new StringValue("abc"), RegisterCodec.decode(registers, DataType.STRING, ByteOrder4.ABCD));
  }

  @Test
  void decodesUtf8Strings() {
    // GIVEN "°C" = C2 B0 43
    int[] registers = {0xC2B0, 0x4300};

    // WHEN / THEN
    assertEquals(
        new StringValue("°C"), RegisterCodec.decode(registers, DataType.STRING, ByteOrder4.ABCD));
  }

  @Test
  void padsAStringToThePropertyLengthAndRejectsOneTooLong() {
    // WHEN
    int[] padded = RegisterCodec.encode(new StringValue("ab"), ByteOrder4.ABCD, 3);

    // THEN
    assertArrayEquals(new int[] {0x6162, 0, 0}, padded);
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegisterCodec.encode(new StringValue("abcde"), ByteOrder4.ABCD, 2));
    assertEquals("string needs 3 registers, the property has 2", error.getMessage());
  }

  @Test
  void rejectsAWrongRegisterCountNamingExpectedAndActual() {
    // WHEN
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegisterCodec.decode(new int[] {1, 2, 3}, DataType.FLOAT64, ByteOrder4.ABCD));

    // THEN
    assertEquals("float64 needs 4 registers, got 3", error.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> RegisterCodec.decode(new int[] {}, DataType.UINT16, ByteOrder4.ABCD));
    assertThrows(
        IllegalArgumentException.class,
        () -> RegisterCodec.encode(i(1, DataType.INT32), ByteOrder4.ABCD, 1));
  }

  @Test
  void rejectsRegistersOutsideSixteenBits() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegisterCodec.decode(new int[] {0x10000}, DataType.UINT16, ByteOrder4.ABCD));
    assertEquals("register 0 is 65536, outside 0..65535", error.getMessage());
  }

  @Test
  void readsShortRegistersUnsigned() {
    // GIVEN 0x42F6 0xE979 as Java shorts
    short[] registers = {(short) 0x42F6, (short) 0xE979};

    // WHEN / THEN
    assertEquals(f32(123.456f), RegisterCodec.decode(registers, DataType.FLOAT32, ByteOrder4.ABCD));
  }

  @Test
  void rejectsAFloat64TooLargeForAFloat32Property() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegisterCodec.encode(new DoubleValue(1e300, DataType.FLOAT32), ByteOrder4.ABCD));
    assertEquals("1.0E300 does not fit float32", error.getMessage());
  }

  @Test
  void parsesByteOrdersCaseInsensitivelyWithAbcdAsDefault() {
    assertEquals(ByteOrder4.CDAB, ByteOrder4.parse(" cdab "));
    assertEquals(ByteOrder4.ABCD, ByteOrder4.parse(null));
    var error = assertThrows(IllegalArgumentException.class, () -> ByteOrder4.parse("ACBD"));
    assertTrue(error.getMessage().contains("'ACBD'"), error.getMessage());
  }

  private static LongValue i(long value, DataType type) {
    return new LongValue(value, type);
  }

  private static DoubleValue f32(float value) {
    return new DoubleValue(value, DataType.FLOAT32);
  }

  private static DoubleValue f64(double value) {
    return new DoubleValue(value, DataType.FLOAT64);
  }
}
