package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.contract.Hex;
import org.junit.jupiter.api.Test;

class ReplyPduCodecTest {
  private static final ModbusRequest READ_3 =
      ModbusRequest.read(1, FunctionCode.READ_HOLDING_REGISTERS, 107, 3);
  private static final ModbusRequest READ_COILS =
      ModbusRequest.read(1, FunctionCode.READ_COILS, 19, 19);

  private static DeviceException refused(ModbusRequest request, String pdu) {
    return assertThrows(DeviceException.class, () -> ReplyPduCodec.decode(request, Hex.parse(pdu)));
  }

  @Test
  void readRepliesGiveTheirValues() throws Exception {
    // GIVEN the spec's replies to a register and a coil read
    // WHEN they are decoded against their requests
    int[] registers = ReplyPduCodec.decode(READ_3, Hex.parse("03 06 02 2B 00 00 00 64"));
    int[] coils = ReplyPduCodec.decode(READ_COILS, Hex.parse("01 03 CD 6B 05"));
    // THEN the words, and the coils first-bit-first
    assertArrayEquals(new int[] {0x022B, 0, 0x64}, registers);
    assertArrayEquals(new int[] {1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1}, coils);
  }

  @Test
  void everyExceptionCodeIsNamedWithFunctionUnitAndAddress() {
    String[][] names = {
      {"01", "illegal function (exception 1)"},
      {"02", "illegal data address (exception 2)"},
      {"03", "illegal data value (exception 3)"},
      {"04", "server device failure (exception 4)"},
      {"05", "acknowledge (exception 5)"},
      {"06", "server device busy (exception 6)"},
      {"08", "memory parity error (exception 8)"},
      {"0A", "gateway path unavailable (exception 10)"},
      {"0B", "gateway target device failed to respond (exception 11)"},
      {"33", "unknown exception 0x33"},
    };
    for (String[] name : names) {
      // GIVEN an exception reply to a holding register read
      // WHEN it is decoded
      DeviceException e = refused(READ_3, "83 " + name[0]);
      // THEN it is a device exception whose message says everything an operator needs
      assertEquals(ErrorKind.DEVICE_EXCEPTION, e.kind());
      assertEquals(
          "unit 1, read holding registers (fc 3) at address 107 (3 items): device answered "
              + name[1],
          e.getMessage());
    }
  }

  @Test
  void aReplyThatDoesNotAnswerTheRequestIsMalformed() {
    String[][] bad = {
      {"", "empty reply PDU"},
      {"83 02 00", "exception reply of 3 bytes, expected 2"},
      {"04 06 02 2B 00 00 00 64", "reply is for function 4, expected 3"},
      {"03", "reply has no byte count"},
      {"03 04 02 2B 00 00", "byte count 4 does not match 3 items (6)"},
      {"03 06 02 2B 00 00 00", "reply PDU of 7 bytes, byte count says 8"},
      {"03 06 02 2B 00 00 00 64 00", "reply PDU of 9 bytes, byte count says 8"},
    };
    for (String[] c : bad) {
      // GIVEN a reply that does not fit the request / WHEN decoded / THEN it is refused
      DeviceException e = refused(READ_3, c[0]);
      assertEquals(ErrorKind.MALFORMED, e.kind(), c[0]);
      assertEquals(READ_3.describe() + ": " + c[1], e.getMessage());
    }
    assertEquals(ErrorKind.MALFORMED, refused(READ_COILS, "01 02 CD 6B").kind());
  }

  @Test
  void writeEchoesAreChecked() throws Exception {
    // GIVEN writes and their echoes
    ModbusRequest single = ModbusRequest.writeRegister(1, 1, 3);
    ModbusRequest coil = ModbusRequest.writeCoil(1, 172, true);
    ModbusRequest multiple = ModbusRequest.writeRegisters(1, 1, new int[] {10, 258});
    // WHEN / THEN a faithful echo passes
    assertArrayEquals(new int[0], ReplyPduCodec.decode(single, Hex.parse("06 00 01 00 03")));
    assertArrayEquals(new int[0], ReplyPduCodec.decode(coil, Hex.parse("05 00 AC FF 00")));
    assertArrayEquals(new int[0], ReplyPduCodec.decode(multiple, Hex.parse("10 00 01 00 02")));
    // AND another value is a failed verification, another address or quantity malformed
    assertEquals(ErrorKind.VERIFY, refused(single, "06 00 01 00 04").kind());
    assertEquals(ErrorKind.VERIFY, refused(coil, "05 00 AC 00 00").kind());
    assertEquals(ErrorKind.MALFORMED, refused(single, "06 00 02 00 03").kind());
    assertEquals(ErrorKind.MALFORMED, refused(multiple, "10 00 01 00 03").kind());
    assertEquals(ErrorKind.MALFORMED, refused(multiple, "10 00 01 00 02 00").kind());
  }

  @Test
  void serverRepliesEncodeValuesEchoesAndExceptions() {
    // GIVEN requests a server carried out / WHEN it encodes the replies / THEN the spec bytes
    assertEquals(
        "03 06 02 2B 00 00 00 64",
        Hex.format(ReplyPduCodec.encode(READ_3, new int[] {0x022B, 0, 0x64})));
    assertEquals(
        "01 03 CD 6B 05",
        Hex.format(
            ReplyPduCodec.encode(
                READ_COILS, new int[] {1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1})));
    assertEquals(
        "10 00 01 00 02",
        Hex.format(
            ReplyPduCodec.encode(ModbusRequest.writeRegisters(1, 1, new int[] {1, 2}), null)));
    assertEquals(
        "83 02", Hex.format(ReplyPduCodec.encodeException(3, ExceptionCode.ILLEGAL_DATA_ADDRESS)));
  }
}
