package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.contract.Hex;
import org.junit.jupiter.api.Test;

class TcpFramerTest {
  private final TcpFramer framer = new TcpFramer();
  private final ModbusRequest read =
      ModbusRequest.read(17, FunctionCode.READ_HOLDING_REGISTERS, 0, 2);

  private static int length(String bytes) throws DeviceException {
    byte[] b = Hex.parse(bytes);
    return TcpFramer.frameLength(b, b.length);
  }

  @Test
  void framesWithAnMbapHeaderAndANewTransactionEachTime() {
    // GIVEN a framer / WHEN it frames two requests / THEN transaction ids 1 and 2
    assertEquals("00 01 00 00 00 06 11 03 00 00 00 02", Hex.format(framer.encode(read)));
    assertEquals("00 02 00 00 00 06 11 03 00 00 00 02", Hex.format(framer.encode(read)));
  }

  @Test
  void lengthComesFromTheMbapLengthField() throws Exception {
    assertEquals(FrameReader.NEED_MORE, length("00 01 00 00 00"));
    assertEquals(13, length("00 01 00 00 00 07"));
    assertEquals(260, length("00 01 00 00 00 FE"));
  }

  @Test
  void impossibleHeadersAreMalformedAtOnce() {
    // GIVEN a protocol id other than 0, a length past the 260-byte frame, a length with no PDU
    String[][] bad = {
      {"00 01 00 01", "MBAP protocol id 1, expected 0"},
      {"00 01 00 00 00 FF", "MBAP length 255 is outside 2..254 (frame too long)"},
      {"00 01 00 00 01 07", "MBAP length 263 is outside 2..254 (frame too long)"},
      {"00 01 00 00 00 01", "MBAP length 1 is outside 2..254 (frame too long)"},
    };
    for (String[] c : bad) {
      // WHEN the reader sees them / THEN it refuses them without waiting for more
      DeviceException e = assertThrows(DeviceException.class, () -> length(c[0]));
      assertEquals(ErrorKind.MALFORMED, e.kind());
      assertEquals(c[1], e.getMessage());
    }
  }

  @Test
  void aReplyMustMatchTransactionUnitAndLength() throws Exception {
    // GIVEN the request frame sent
    byte[] request = framer.encode(read);
    // WHEN the right reply comes / THEN its PDU
    assertArrayEquals(
        Hex.parse("03 04 00 0A 00 0B"),
        framer.replyPdu(read, request, Hex.parse("00 01 00 00 00 07 11 03 04 00 0A 00 0B")));
    // AND replies of another transaction, unit, protocol or length are refused
    String[][] bad = {
      {"00 02 00 00 00 07 11 03 04 00 0A 00 0B", "reply has transaction id 2, expected 1"},
      {"00 01 00 00 00 07 12 03 04 00 0A 00 0B", "reply comes from unit 18"},
      {"00 01 00 05 00 07 11 03 04 00 0A 00 0B", "MBAP protocol id 5, expected 0"},
      {"00 01 00 00 00 08 11 03 04 00 0A 00 0B", "MBAP length 8 for 7 bytes"},
      {"00 01 00 00 00 01 11", "frame of 7 bytes"},
    };
    for (String[] c : bad) {
      DeviceException e =
          assertThrows(
              DeviceException.class, () -> framer.replyPdu(read, request, Hex.parse(c[0])));
      assertEquals(ErrorKind.MALFORMED, e.kind());
      assertEquals(read.describe() + ": " + c[1], e.getMessage());
    }
  }

  @Test
  void aServerAnswersInTheRequestsTransaction() {
    // GIVEN a request frame of transaction 0x1234 for unit 5
    byte[] request = Hex.parse("12 34 00 00 00 06 05 03 00 00 00 01");
    // WHEN the server frames its reply / THEN same transaction and unit, length recomputed
    assertEquals(
        "12 34 00 00 00 05 05 03 02 00 2A",
        Hex.format(TcpFramer.replyTo(request, Hex.parse("03 02 00 2A"))));
    assertEquals(5, TcpFramer.unit(request));
    assertArrayEquals(Hex.parse("03 00 00 00 01"), TcpFramer.pdu(request));
  }
}
