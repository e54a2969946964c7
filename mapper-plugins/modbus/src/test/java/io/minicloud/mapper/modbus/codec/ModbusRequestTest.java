package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ModbusRequestTest {

  private static String rejection(Runnable make) {
    return assertThrows(IllegalArgumentException.class, make::run).getMessage();
  }

  @Test
  void quantitiesAreLimitedAsTheSpecLimitsThem() {
    // GIVEN / WHEN requests one item past each limit / THEN each is refused with the limit named
    assertEquals(
        "read holding registers (fc 3): quantity 126 is outside 1..125",
        rejection(() -> ModbusRequest.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 126)));
    assertEquals(
        "read coils (fc 1): quantity 2001 is outside 1..2000",
        rejection(() -> ModbusRequest.read(1, FunctionCode.READ_COILS, 0, 2001)));
    assertEquals(
        "write multiple registers (fc 16): quantity 124 is outside 1..123",
        rejection(() -> ModbusRequest.writeRegisters(1, 0, new int[124])));
    assertEquals(
        "read input registers (fc 4): quantity 0 is outside 1..125",
        rejection(() -> ModbusRequest.read(1, FunctionCode.READ_INPUT_REGISTERS, 0, 0)));
  }

  @Test
  void addressesUnitsAndValuesAreChecked() {
    assertEquals(
        "address 65535 + quantity 2 runs past 65535",
        rejection(() -> ModbusRequest.read(1, FunctionCode.READ_HOLDING_REGISTERS, 65535, 2)));
    assertEquals(
        "unit id 256 is outside 0..255", rejection(() -> ModbusRequest.writeCoil(256, 0, true)));
    assertEquals(
        "write single register (fc 6): value 65536 is outside 0..65535",
        rejection(() -> ModbusRequest.writeRegister(1, 0, 65536)));
    assertEquals(
        "write multiple coils (fc 15): value 2 is outside 0..1",
        rejection(() -> ModbusRequest.writeCoils(1, 0, new int[] {1, 2})));
    assertEquals(
        "write single coil (fc 5) is not a read",
        rejection(() -> ModbusRequest.read(1, FunctionCode.WRITE_SINGLE_COIL, 0, 1)));
  }

  @Test
  void describesItselfForErrorMessages() {
    // GIVEN a read and a write
    ModbusRequest read = ModbusRequest.read(17, FunctionCode.READ_INPUT_REGISTERS, 100, 4);
    ModbusRequest write = ModbusRequest.writeRegister(1, 10, 215);
    // WHEN / THEN they name unit, function and address
    assertEquals("unit 17, read input registers (fc 4) at address 100 (4 items)", read.describe());
    assertEquals("unit 1, write single register (fc 6) at address 10", write.describe());
  }

  @Test
  void valuesAreCopiedInAndOut() {
    // GIVEN a write built from an array
    int[] words = {1, 2};
    ModbusRequest request = ModbusRequest.writeRegisters(1, 0, words);
    // WHEN the caller changes its array, and the returned one
    words[0] = 9;
    request.values()[1] = 9;
    // THEN the request still holds what it was given
    assertEquals(ModbusRequest.writeRegisters(1, 0, new int[] {1, 2}), request);
  }
}
