package io.minicloud.mapper.modbus.codec;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import java.util.Arrays;
import java.util.Locale;

/**
 * Modbus RTU frames: unit id, PDU, CRC-16 low byte first. RTU has no length field, so a reply's
 * length follows from its function code (and byte count for reads); an exception reply is 5 bytes.
 */
public final class RtuFramer implements ModbusFramer {
  /** The largest RTU frame (spec: 256 bytes on a serial line). */
  public static final int MAX_FRAME = 256;

  private static final FrameReader READER = RtuFramer::replyLength;

  @Override
  public byte[] encode(ModbusRequest request) {
    byte[] pdu = RequestPduCodec.encode(request);
    byte[] body = new byte[pdu.length + 1];
    body[0] = (byte) request.unit();
    System.arraycopy(pdu, 0, body, 1, pdu.length);
    return Crc16.append(body);
  }

  @Override
  public FrameReader replyReader() {
    return READER;
  }

  static int replyLength(byte[] buffer, int length) throws DeviceException {
    if (length < 2) {
      return FrameReader.NEED_MORE;
    }
    int function = buffer[1] & 0xFF;
    if ((function & 0x80) != 0) {
      return 5;
    }
    return switch (function) {
      case 1, 2, 3, 4 -> {
        if (length < 3) {
          yield FrameReader.NEED_MORE;
        }
        int total = 5 + (buffer[2] & 0xFF);
        if (total > MAX_FRAME) {
          throw new DeviceException(
              ErrorKind.MALFORMED,
              "RTU reply of " + total + " bytes exceeds the " + MAX_FRAME + "-byte maximum");
        }
        yield total;
      }
      case 5, 6, 15, 16 -> 8;
      default ->
          throw new DeviceException(
              ErrorKind.MALFORMED,
              String.format(Locale.ROOT, "function 0x%02X cannot start an RTU reply", function));
    };
  }

  @Override
  public byte[] replyPdu(ModbusRequest request, byte[] requestFrame, byte[] reply)
      throws DeviceException {
    if (reply.length < 4) {
      throw new DeviceException(
          ErrorKind.MALFORMED, request.describe() + ": RTU reply of " + reply.length + " bytes");
    }
    if (!Crc16.valid(reply)) {
      throw new DeviceException(
          ErrorKind.CRC,
          String.format(
              Locale.ROOT,
              "%s: reply CRC 0x%04X, computed 0x%04X",
              request.describe(),
              Crc16.carried(reply),
              Crc16.compute(reply, reply.length - 2)));
    }
    if (reply[0] != requestFrame[0]) {
      throw new DeviceException(
          ErrorKind.MALFORMED, request.describe() + ": reply comes from unit " + (reply[0] & 0xFF));
    }
    return Arrays.copyOfRange(reply, 1, reply.length - 2);
  }
}
