package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.contract.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestPduCodecTest {

  private static final List<Object[]> CASES =
      List.of(
          new Object[] {ModbusRequest.read(1, FunctionCode.READ_COILS, 19, 19), "01 00 13 00 13"},
          new Object[] {
            ModbusRequest.read(1, FunctionCode.READ_DISCRETE_INPUTS, 196, 22), "02 00 C4 00 16"
          },
          new Object[] {
            ModbusRequest.read(1, FunctionCode.READ_HOLDING_REGISTERS, 107, 3), "03 00 6B 00 03"
          },
          new Object[] {
            ModbusRequest.read(1, FunctionCode.READ_INPUT_REGISTERS, 8, 1), "04 00 08 00 01"
          },
          new Object[] {ModbusRequest.writeCoil(1, 172, true), "05 00 AC FF 00"},
          new Object[] {ModbusRequest.writeCoil(1, 172, false), "05 00 AC 00 00"},
          new Object[] {ModbusRequest.writeRegister(1, 1, 3), "06 00 01 00 03"},
          new Object[] {
            // the spec's example: coils 20..29 = 1100 1101 01
            ModbusRequest.writeCoils(1, 19, new int[] {1, 0, 1, 1, 0, 0, 1, 1, 1, 0}),
            "0F 00 13 00 0A 02 CD 01"
          },
          new Object[] {
            ModbusRequest.writeRegisters(1, 1, new int[] {0x000A, 0x0102}),
            "10 00 01 00 02 04 00 0A 01 02"
          });

  @Test
  void encodesTheSpecExamplesAndDecodesThemBack() throws Exception {
    for (Object[] c : CASES) {
      // GIVEN a request and the PDU the Modbus spec shows for it
      ModbusRequest request = (ModbusRequest) c[0];
      // WHEN it is encoded, and the bytes decoded as a server would
      byte[] pdu = RequestPduCodec.encode(request);
      ModbusRequest decoded = RequestPduCodec.decode(1, pdu);
      // THEN both match
      assertEquals(c[1], Hex.format(pdu), request.toString());
      assertEquals(request, decoded);
    }
  }

  private static RejectedRequestException rejected(String pdu) {
    return assertThrows(
        RejectedRequestException.class, () -> RequestPduCodec.decode(1, Hex.parse(pdu)));
  }

  @Test
  void aServerRejectsBadRequestsWithTheRightExceptionCode() {
    // GIVEN / WHEN bad request PDUs / THEN the exception code a server must answer
    assertEquals(ExceptionCode.ILLEGAL_FUNCTION, rejected("07").code());
    assertEquals(7, rejected("07").function());
    assertEquals(ExceptionCode.ILLEGAL_FUNCTION, rejected("").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("03 00 00 00").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("03 00 00 00 00").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("03 00 00 00 7E").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("05 00 01 12 34").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("10 00 01 00 02 03 00 0A 01").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_VALUE, rejected("0F 00 13 00 0A 01 CD").code());
    assertEquals(ExceptionCode.ILLEGAL_DATA_ADDRESS, rejected("03 FF FF 00 02").code());
  }
}
