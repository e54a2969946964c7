package io.minicloud.mapper.modbus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ByteOrder4;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ModbusPointConfigTest {
  private static final ModbusProtocolConfig TCP =
      ModbusProtocolConfig.bind(Map.of("host", "h"), new ArrayList<>());
  private static final String F = "properties[p].visitors.configData.";

  private static PropertySpec property(String type, boolean writable, Object... visitor) {
    Map<String, Object> config = new LinkedHashMap<>();
    for (int i = 0; i < visitor.length; i += 2) {
      config.put((String) visitor[i], visitor[i + 1]);
    }
    return new PropertySpec("p", DataType.parse(type), writable, config);
  }

  private static ModbusPointConfig ok(String type, Object... visitor) {
    List<FieldError> errors = new ArrayList<>();
    ModbusPointConfig point =
        ModbusPointConfig.bind(property(type, false, visitor), TCP, errors).orElse(null);
    assertEquals(List.of(), errors);
    return point;
  }

  private static List<String> errors(
      ModbusProtocolConfig device, String type, boolean writable, Object... visitor) {
    List<FieldError> errors = new ArrayList<>();
    ModbusPointConfig.bind(property(type, writable, visitor), device, errors);
    return errors.stream().map(FieldError::toString).toList();
  }

  private static List<String> errors(String type, Object... visitor) {
    return errors(TCP, type, false, visitor);
  }

  @Test
  void kubeEdgeAndShortRegisterNamesAreAccepted() {
    assertEquals(
        RegisterType.COIL, ok("boolean", "register", "CoilRegister", "offset", 0).register());
    assertEquals(
        RegisterType.DISCRETE_INPUT, ok("boolean", "register", "discrete", "offset", 0).register());
    assertEquals(RegisterType.HOLDING, ok("int16", "register", "holding", "offset", 0).register());
    assertEquals(
        RegisterType.INPUT, ok("int16", "register", "InputRegister", "offset", 0).register());
  }

  @Test
  void rawTypeFollowsThePropertyTypeAndTheLimit() {
    // one register: int16, scaled by the transform for a float property
    ModbusPointConfig scaled =
        ok("float", "register", "holding", "offset", 3, "limit", 1, "scale", 0.1);
    assertEquals(DataType.INT16, scaled.rawType());
    assertEquals(0.1, scaled.transform().scale());
    assertEquals(
        DataType.UINT16, ok("uint32", "register", "holding", "offset", 0, "limit", 1).rawType());
    // two: float32 for a float property, int32/uint32 otherwise
    assertEquals(
        DataType.FLOAT32, ok("float", "register", "holding", "offset", 0, "limit", 2).rawType());
    assertEquals(
        DataType.INT32, ok("int", "register", "holding", "offset", 0, "limit", 2).rawType());
    assertEquals(
        DataType.UINT32, ok("uint64", "register", "holding", "offset", 0, "limit", 2).rawType());
    // four: float64, int64
    assertEquals(
        DataType.FLOAT64, ok("double", "register", "holding", "offset", 0, "limit", 4).rawType());
    assertEquals(
        DataType.INT64, ok("int", "register", "holding", "offset", 0, "limit", 4).rawType());
    // no limit: the property's own type and width
    ModbusPointConfig plain = ok("float32", "register", "holding", "offset", 0);
    assertEquals(DataType.FLOAT32, plain.rawType());
    assertEquals(2, plain.count());
    // rawType (or dataType) set explicitly wins
    assertEquals(
        DataType.UINT32,
        ok("float", "register", "input", "offset", 0, "rawType", "uint32").rawType());
    assertEquals(
        DataType.INT32,
        ok("float", "register", "input", "offset", 0, "dataType", "int32", "limit", 2).rawType());
  }

  @Test
  void stringsTakeTheirLengthInRegistersFromLimit() {
    ModbusPointConfig model = ok("string", "register", "holding", "offset", 40, "limit", 4);
    assertEquals(DataType.STRING, model.rawType());
    assertEquals(4, model.count());
    assertEquals(
        List.of(F + "limit: missing: the length of a string in registers (two bytes each)"),
        errors("string", "register", "holding", "offset", 40));
  }

  @Test
  void coilsAreBoolsOrABankOfBitsInAnUnsignedInteger() {
    ModbusPointConfig relay = ok("boolean", "register", "coil", "offset", 5);
    assertEquals(DataType.BOOL, relay.rawType());
    assertEquals(1, relay.count());
    ModbusPointConfig bank = ok("uint16", "register", "coil", "offset", 16, "limit", 10);
    assertEquals(DataType.UINT16, bank.rawType());
    assertEquals(10, bank.count());
    assertEquals(
        DataType.UINT64, ok("uint64", "register", "coil", "offset", 0, "limit", 40).rawType());
    assertEquals(
        List.of(F + "limit: 65 coils: at most 64 per property"),
        errors("uint64", "register", "coil", "offset", 0, "limit", 65));
    assertEquals(
        List.of(F + "rawType: coils read as bool, or as uint16/uint32/uint64 for a bank of coils"),
        errors("float", "register", "coil", "offset", 0, "rawType", "float32"));
    assertEquals(
        List.of(F + "limit: a bool is one coil; use rawType uint16/uint32/uint64 for a bank"),
        errors("boolean", "register", "coil", "offset", 0, "limit", 2, "rawType", "bool"));
  }

  @Test
  void byteOrderComesFromAnyOfItsSpellings() {
    assertEquals(
        ByteOrder4.CDAB,
        ok("float", "register", "holding", "offset", 0, "byteOrder", "cdab").order());
    assertEquals(
        ByteOrder4.DCBA,
        ok("float", "register", "holding", "offset", 0, "isSwap", true, "isRegisterSwap", true)
            .order());
    assertEquals(
        ByteOrder4.BADC, ok("float", "register", "holding", "offset", 0, "isSwap", "true").order());
    assertEquals(
        ByteOrder4.CDAB,
        ok("float", "register", "holding", "offset", 0, "byteOrder", "big", "wordOrder", "little")
            .order());
    assertEquals(ByteOrder4.ABCD, ok("float", "register", "holding", "offset", 0).order());
  }

  @Test
  void conflictingByteOrderSettingsAreRejected() {
    assertEquals(
        List.of(F + "isSwap: conflicts with byteOrder DCBA, which sets both"),
        errors("float", "register", "holding", "offset", 0, "byteOrder", "DCBA", "isSwap", false));
    assertEquals(
        List.of(F + "isRegisterSwap: set either wordOrder or isRegisterSwap, not both"),
        errors(
            "float",
            "register",
            "holding",
            "offset",
            0,
            "wordOrder",
            "big",
            "isRegisterSwap",
            true));
    assertEquals(
        List.of(F + "wordOrder: 'middle': expected big or little"),
        errors("float", "register", "holding", "offset", 0, "wordOrder", "middle"));
    assertEquals(
        List.of(F + "byteOrder: unknown byte order 'ABDC': expected ABCD, CDAB, BADC or DCBA"),
        errors("float", "register", "holding", "offset", 0, "byteOrder", "ABDC"));
  }

  @Test
  void offsetIsTheAddressAndValueOffsetTheTransformOffset() {
    // GIVEN KubeEdge's offset (address 12) and the transform's valueOffset (-40)
    ModbusPointConfig point =
        ok(
            "float",
            "register",
            "input",
            "offset",
            12,
            "limit",
            1,
            "scale",
            0.5,
            "valueOffset",
            -40,
            "mask",
            "0x0FFF",
            "min",
            -40,
            "max",
            100);
    // THEN they do not mix
    assertEquals(12, point.address());
    assertEquals(-40.0, point.transform().offset());
    assertEquals(0.5, point.transform().scale());
    assertEquals(OptionalLong.of(0x0FFF), point.transform().mask());
  }

  @Test
  void eachInvalidVisitorFieldHasItsPreciseMessage() {
    assertEquals(
        List.of(
            F
                + "register: missing: expected CoilRegister, DiscreteInputRegister, HoldingRegister"
                + " or InputRegister",
            F + "offset: missing: the register address, 0-based"),
        errors("int16"));
    assertEquals(
        List.of(
            F
                + "register: unknown register 'Holding Register': expected CoilRegister,"
                + " DiscreteInputRegister, HoldingRegister or InputRegister (or coil, discrete,"
                + " holding, input)"),
        errors("int16", "register", "Holding Register", "offset", 0));
    assertEquals(
        List.of(F + "offset: 65536 is outside 0..65535"),
        errors("int16", "register", "holding", "offset", 65536));
    assertEquals(
        List.of(F + "offset: 65535 + 2 registers runs past address 65535"),
        errors("float", "register", "holding", "offset", 65535, "limit", 2));
    assertEquals(
        List.of(F + "limit: limit 1 does not fit int32, which spans 2 registers"),
        errors("float", "register", "holding", "offset", 0, "rawType", "int32", "limit", 1));
    assertEquals(
        List.of(F + "limit: 3 registers match no numeric type: use 1, 2 or 4, or set rawType"),
        errors("float", "register", "holding", "offset", 0, "limit", 3));
    assertEquals(
        List.of(
            F + "limit: 126 registers exceed the 125 one read may ask for (maxRegistersPerRead)"),
        errors("string", "register", "holding", "offset", 0, "limit", 126));
    assertEquals(
        List.of(F + "rawType: raw type float32 cannot carry a string property"),
        errors("string", "register", "holding", "offset", 0, "rawType", "float32"));
    assertEquals(
        List.of(
            F
                + "dataType: unknown data type 'real': expected one of bool, int16, uint16,"
                + " int32, uint32, int64, uint64, float32, float64, string, bytes (or KubeEdge's int,"
                + " float, double, boolean)"),
        errors("float", "register", "holding", "offset", 0, "dataType", "real"));
    assertEquals(
        List.of(F + "scale: scale must be a finite non-zero number, got 0.0"),
        errors("float", "register", "holding", "offset", 0, "scale", 0));
    assertEquals(
        List.of(F + "valueOffset: 'ten' is not a number"),
        errors("float", "register", "holding", "offset", 0, "valueOffset", "ten"));
    assertEquals(
        List.of(F + "max: min 10.0 is greater than max 5.0"),
        errors("float", "register", "holding", "offset", 0, "min", 10, "max", 5));
    assertEquals(
        List.of(F + "mask: applies to integer raw types, not float32"),
        errors("float", "register", "holding", "offset", 0, "limit", 2, "mask", 255));
  }

  @Test
  void writableReadOnlyTablesAndBitFieldCoilsAreRejected() {
    assertEquals(
        List.of(F + "register: InputRegister is read-only in Modbus, but the property is writable"),
        errors(TCP, "int16", true, "register", "input", "offset", 0));
    assertEquals(
        List.of(
            F
                + "register: DiscreteInputRegister is read-only in Modbus, but the property is"
                + " writable"),
        errors(TCP, "boolean", true, "register", "discrete", "offset", 0));
    assertEquals(
        List.of(F + "mask: a bit-field write needs a holding register, not coils"),
        errors(TCP, "uint16", true, "register", "coil", "offset", 0, "limit", 16, "mask", 3));
    assertEquals(List.of(), errors(TCP, "int16", false, "register", "input", "offset", 0));
  }

  @Test
  void aBroadcastDeviceServesOnlyPlainWrites() {
    // GIVEN an RTU device at unit 0
    ModbusProtocolConfig broadcast =
        ModbusProtocolConfig.bind(
            Map.of("serialPort", "/dev/ttyS0", "slaveID", 0), new ArrayList<>());
    // THEN a read-only property, or a bit field that needs a read first, is refused
    assertEquals(
        List.of(
            F
                + "register: unit 0 is the RTU broadcast address, written but never read: a"
                + " read-only property cannot be served"),
        errors(broadcast, "int16", false, "register", "holding", "offset", 0));
    assertEquals(
        List.of(F + "mask: unit 0 (broadcast) cannot be read back for a bit-field write"),
        errors(broadcast, "uint16", true, "register", "holding", "offset", 0, "mask", 3));
    assertEquals(List.of(), errors(broadcast, "int16", true, "register", "holding", "offset", 0));
  }

  @Test
  void unknownKeysAndForceMultipleOverride() {
    List<String> unknown = errors("int16", "register", "holding", "offset", 0, "swap", true);
    assertEquals(1, unknown.size());
    assertTrue(
        unknown.get(0).startsWith(F + "swap: unknown setting; expected one of "), unknown.get(0));
    assertTrue(
        ok("int16", "register", "holding", "offset", 0, "forceMultiple", true).forceMultiple());
  }
}
