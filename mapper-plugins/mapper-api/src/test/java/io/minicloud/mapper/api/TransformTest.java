package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformTest {

  @Test
  void identityKeepsIntegersIntegersOfTheirType() {
    // GIVEN
    Transform transform = Transform.fromConfig(Map.of());

    // WHEN
    Value value = transform.read(new LongValue(-2, DataType.INT16));

    // THEN
    assertTrue(transform.isIdentity());
    assertEquals(new LongValue(-2, DataType.INT16), value);
  }

  @Test
  void fractionalScaleAndOffsetGiveFloat64AndInvertOnWrite() {
    // GIVEN a temperature in tenths of a degree, offset by -40
    Transform transform = Transform.fromConfig(Map.of("scale", 0.1, "offset", -40));

    // WHEN
    Value engineering = transform.read(new LongValue(652, DataType.UINT16));
    Value raw = transform.write(engineering, DataType.UINT16);

    // THEN
    assertEquals(25.2, ((DoubleValue) engineering).value(), 1e-9);
    assertEquals(DataType.FLOAT64, engineering.type());
    assertEquals(new LongValue(652, DataType.UINT16), raw);
  }

  @Test
  void wholeScaleAndOffsetStayExactIntegers() {
    // GIVEN
    Transform transform = Transform.fromConfig(Map.of("scale", 10, "offset", "-5"));

    // WHEN
    Value engineering = transform.read(new LongValue(7, DataType.UINT16));

    // THEN
    assertEquals(LongValue.of(65), engineering);
    assertEquals(new LongValue(7, DataType.UINT16), transform.write(engineering, DataType.UINT16));
  }

  @Test
  void writeRoundsHalfAwayFromZeroToTheIntegerType() {
    // GIVEN
    Transform transform = Transform.fromConfig(Map.of("scale", 0.5));

    // WHEN / THEN
    assertEquals(
        new LongValue(3, DataType.INT16), transform.write(DoubleValue.of(1.3), DataType.INT16));
    assertEquals(
        new LongValue(-5, DataType.INT16), transform.write(DoubleValue.of(-2.25), DataType.INT16));
  }

  @Test
  void masksAndShiftsABitFieldAsUnsigned() {
    // GIVEN bits 8..11 of a status word
    Transform transform = Transform.fromConfig(Map.of("mask", "0x0F00", "shift", 8));

    // WHEN
    Value field = transform.read(new LongValue((short) 0xFA55, DataType.INT16));

    // THEN
    assertEquals(new LongValue(0xA, DataType.UINT16), field);
    assertEquals(
        new LongValue(0x0A00, DataType.UINT16),
        transform.write(new LongValue(0xA, DataType.UINT16), DataType.UINT16));
  }

  @Test
  void rejectsAWriteThatDoesNotFitTheBitField() {
    Transform transform = Transform.fromConfig(Map.of("mask", "0x0F00", "shift", 8));

    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.write(LongValue.of(16), DataType.UINT16));

    assertTrue(error.getMessage().contains("does not fit the bit field"), error.getMessage());
  }

  @Test
  void writesAHighBitFieldIntoASignedRegisterAsItsBitPattern() {
    Transform transform = Transform.fromConfig(Map.of("mask", 0xFF00, "shift", 8));

    assertEquals(
        new LongValue((short) 0xFF00, DataType.INT16),
        transform.write(LongValue.of(0xFF), DataType.INT16));
  }

  @Test
  void mapsEnumCodesToLabelsAndLabelsBackToCodes() {
    // GIVEN
    Transform transform =
        Transform.fromConfig(Map.of("enum", Map.of(0, "stopped", 1, "running", "2", "fault")));

    // WHEN
    Value label = transform.read(new LongValue(1, DataType.UINT16));
    Value code = transform.write(new StringValue("fault"), DataType.UINT16);

    // THEN
    assertEquals(new StringValue("running"), label);
    assertEquals(new LongValue(2, DataType.UINT16), code);
  }

  @Test
  void rejectsUnknownEnumCodesAndLabels() {
    Transform transform = Transform.fromConfig(Map.of("enum", Map.of(0, "off", 1, "on")));

    var read =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.read(new LongValue(7, DataType.UINT16)));
    var write =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.write(new StringValue("auto"), DataType.UINT16));

    assertTrue(read.getMessage().startsWith("reading 7 has no enum label"), read.getMessage());
    assertTrue(write.getMessage().startsWith("unknown label 'auto'"), write.getMessage());
  }

  @Test
  void appliesMaskThenShiftThenEnum() {
    Transform transform =
        Transform.fromConfig(Map.of("mask", 0x30, "shift", 4, "enum", Map.of(2, "manual")));

    assertEquals(new StringValue("manual"), transform.read(new LongValue(0x2F, DataType.UINT16)));
  }

  @Test
  void rejectsAReadingOutsideTheRange() {
    // GIVEN a sensor specified for -40..125 °C
    Transform transform = Transform.fromConfig(Map.of("scale", 0.1, "min", -40, "max", 125));

    // WHEN
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.read(new LongValue(65535, DataType.UINT16)));

    // THEN
    assertEquals("reading 6553.5 is outside [-40.0, 125.0]", error.getMessage());
  }

  @Test
  void rejectsAWriteOutsideTheRangeBeforeConverting() {
    Transform transform = Transform.fromConfig(Map.of("min", 0, "max", 100));

    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.write(DoubleValue.of(100.5), DataType.UINT16));

    assertEquals("value 100.5 is outside [0.0, 100.0]", error.getMessage());
  }

  @Test
  void rejectsAWriteThatOverflowsTheDataType() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transform.IDENTITY.write(LongValue.of(70000), DataType.UINT16));

    assertEquals(
        "cannot write 70000: raw value 70000 does not fit uint16 [0, 65535]", error.getMessage());
  }

  @Test
  void overflowIsCheckedAfterScaling() {
    Transform transform = Transform.fromConfig(Map.of("scale", 0.01));

    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> transform.write(DoubleValue.of(400), DataType.INT16));

    assertEquals(
        "cannot write 400.0: raw value 40000 does not fit int16 [-32768, 32767]",
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void rejectsNonFiniteReadingsAndWrites(double value) {
    var read =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transform.IDENTITY.read(new DoubleValue(value, DataType.FLOAT32)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Transform.IDENTITY.write(DoubleValue.of(value), DataType.FLOAT32));
    assertTrue(read.getMessage().endsWith("not a measurement"), read.getMessage());
  }

  @Test
  void floatsTakeScaleAndOffsetAndInvertOnWrite() {
    Transform transform = Transform.fromConfig(Map.of("scale", 2.0, "offset", 1.5));

    Value engineering = transform.read(new DoubleValue(10.0, DataType.FLOAT32));

    assertEquals(DoubleValue.of(21.5), engineering);
    assertEquals(
        new DoubleValue(10.0, DataType.FLOAT32), transform.write(engineering, DataType.FLOAT32));
  }

  @Test
  void identityKeepsFloat32AndPassesOtherKindsThrough() {
    Value f = new DoubleValue(1.5, DataType.FLOAT32);
    assertSame(f, Transform.IDENTITY.read(f));
    assertEquals(new BoolValue(true), Transform.IDENTITY.read(new BoolValue(true)));
    assertEquals(
        new StringValue("x"), Transform.IDENTITY.write(new StringValue("x"), DataType.STRING));
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transform.IDENTITY.write(new StringValue("1"), DataType.UINT16));
    assertTrue(error.getMessage().startsWith("cannot write"), error.getMessage());
  }

  @Test
  void rejectsBitOperationsOnFloats() {
    Transform transform = Transform.fromConfig(Map.of("mask", 0xFF));

    assertThrows(IllegalArgumentException.class, () -> transform.read(DoubleValue.of(1.0)));
  }

  @Test
  void roundTripsUint64ExtremesExactly() {
    LongValue max = new LongValue(-1L, DataType.UINT64);

    assertEquals(max, Transform.IDENTITY.write(Transform.IDENTITY.read(max), DataType.UINT64));
  }

  @Test
  void parsesNumbersFromTextInTheConfiguredBase() {
    Transform hex = Transform.fromConfig(Map.of("base", 16));

    assertEquals(new LongValue(0xFF, DataType.UINT16), hex.parse("0xff", DataType.UINT16));
    assertEquals(
        new LongValue(-1L, DataType.UINT64), hex.parse("FFFFFFFFFFFFFFFF", DataType.UINT64));
    assertEquals(
        new DoubleValue(21.5, DataType.FLOAT32),
        Transform.IDENTITY.parse("21.5", DataType.FLOAT32));
    var error =
        assertThrows(IllegalArgumentException.class, () -> hex.parse("12z", DataType.INT32));
    assertEquals("'12z' is not a base-16 int32", error.getMessage());
  }

  @Test
  void rejectsInvalidConfigNamingTheField() {
    var scale =
        assertThrows(
            IllegalArgumentException.class, () -> Transform.fromConfig(Map.of("scale", 0)));
    var shift =
        assertThrows(
            IllegalArgumentException.class, () -> Transform.fromConfig(Map.of("shift", "x")));
    var range =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transform.fromConfig(Map.of("min", 10, "max", 1)));
    var labels =
        assertThrows(
            IllegalArgumentException.class,
            () -> Transform.fromConfig(Map.of("enum", Map.of(0, "on", 1, "on"))));

    assertTrue(scale.getMessage().contains("scale must be"), scale.getMessage());
    assertTrue(shift.getMessage().contains("shift: 'x' is not an integer"), shift.getMessage());
    assertTrue(range.getMessage().contains("min 10.0 is greater than max 1.0"), range.getMessage());
    assertTrue(labels.getMessage().contains("enum labels must be unique"), labels.getMessage());
  }
}
