package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.contract.Hex;
import org.junit.jupiter.api.Test;

class RtuFramerTest {
  private final RtuFramer framer = new RtuFramer();
  private final ModbusRequest read =
      ModbusRequest.read(1, FunctionCode.READ_HOLDING_REGISTERS, 0, 2);

  private int length(String bytes) throws DeviceException {
    byte[] b = Hex.parse(bytes);
    return framer.replyReader().frameLength(b, b.length);
  }

  @Test
  void framesUnitPduAndCrc() {
    // GIVEN a read of two registers of unit 1 / WHEN framed / THEN pymodbus's bytes
    assertEquals("01 03 00 00 00 02 C4 0B", Hex.format(framer.encode(read)));
  }

  @Test
  void replyLengthFollowsFromFunctionAndByteCount() throws Exception {
    // GIVEN the first bytes of replies / WHEN the reader is asked / THEN it knows their length
    assertEquals(FrameReader.NEED_MORE, length(""));
    assertEquals(FrameReader.NEED_MORE, length("01"));
    assertEquals(FrameReader.NEED_MORE, length("01 03"));
    assertEquals(9, length("01 03 04"));
    assertEquals(5 + 250, length("01 04 FA"));
    assertEquals(5, length("01 83"));
    assertEquals(5, length("01 90"));
    assertEquals(8, length("01 05"));
    assertEquals(8, length("01 06"));
    assertEquals(8, length("01 0F"));
    assertEquals(8, length("01 10"));
  }

  @Test
  void bytesThatCannotStartAReplyAreMalformed() {
    // GIVEN an unknown function code, and a byte count past the 256-byte frame
    DeviceException unknown = assertThrows(DeviceException.class, () -> length("01 07"));
    DeviceException tooLong = assertThrows(DeviceException.class, () -> length("01 03 FC"));
    // THEN both are refused as malformed before waiting for more bytes
    assertEquals(ErrorKind.MALFORMED, unknown.kind());
    assertEquals("function 0x07 cannot start an RTU reply", unknown.getMessage());
    assertEquals(ErrorKind.MALFORMED, tooLong.kind());
    assertEquals("RTU reply of 257 bytes exceeds the 256-byte maximum", tooLong.getMessage());
  }

  @Test
  void aGoodReplyYieldsItsPdu() throws Exception {
    // GIVEN the request frame and a reply with a valid CRC
    byte[] request = framer.encode(read);
    byte[] reply = Crc16.append(Hex.parse("01 03 04 00 0A 00 0B"));
    // WHEN it is checked / THEN the PDU comes out
    assertArrayEquals(Hex.parse("03 04 00 0A 00 0B"), framer.replyPdu(read, request, reply));
  }

  @Test
  void aWrongCrcIsACrcErrorAndAnotherUnitIsMalformed() {
    byte[] request = framer.encode(read);
    // GIVEN a reply whose CRC is wrong (9B F6 is right, low byte first)
    byte[] bad = Crc16.append(Hex.parse("01 03 04 00 0A 00 0B"));
    bad[bad.length - 1] ^= 0x01;
    // AND a well-formed reply from unit 2
    byte[] other = Crc16.append(Hex.parse("02 03 04 00 0A 00 0B"));
    // WHEN they are checked
    DeviceException crc =
        assertThrows(DeviceException.class, () -> framer.replyPdu(read, request, bad));
    DeviceException unit =
        assertThrows(DeviceException.class, () -> framer.replyPdu(read, request, other));
    // THEN the kinds differ, and the messages say what was wrong
    assertEquals(ErrorKind.CRC, crc.kind());
    assertEquals(read.describe() + ": reply CRC 0xF79B, computed 0xF69B", crc.getMessage());
    assertEquals(ErrorKind.MALFORMED, unit.kind());
    assertEquals(read.describe() + ": reply comes from unit 2", unit.getMessage());
  }
}
