package io.minicloud.mapper.modbus.codec;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Modbus TCP frames: the 7-byte MBAP header (transaction id, protocol id 0, length of what follows,
 * unit id) and the PDU. The transaction id ties a reply to its request, so a late reply to an
 * earlier request that timed out is refused instead of being read as this one's.
 */
public final class TcpFramer implements ModbusFramer {
  /** The largest Modbus TCP frame: 7-byte header + 253-byte PDU. */
  public static final int MAX_FRAME = 260;

  static final int HEADER = 7;
  private static final FrameReader READER = TcpFramer::frameLength;

  private final AtomicInteger transactions = new AtomicInteger();

  @Override
  public byte[] encode(ModbusRequest request) {
    int transaction = transactions.incrementAndGet() & 0xFFFF;
    return frame(transaction, request.unit(), RequestPduCodec.encode(request));
  }

  @Override
  public FrameReader replyReader() {
    return READER;
  }

  /** Delimits a frame by its MBAP length field; requests and replies alike. */
  public static int frameLength(byte[] buffer, int length) throws DeviceException {
    if (length >= 4 && (buffer[2] != 0 || buffer[3] != 0)) {
      throw new DeviceException(
          ErrorKind.MALFORMED, "MBAP protocol id " + word(buffer, 2) + ", expected 0");
    }
    if (length < 6) {
      return FrameReader.NEED_MORE;
    }
    int follows = word(buffer, 4);
    if (follows < 2 || 6 + follows > MAX_FRAME) {
      throw new DeviceException(
          ErrorKind.MALFORMED,
          "MBAP length " + follows + " is outside 2.." + (MAX_FRAME - 6) + " (frame too long)");
    }
    return 6 + follows;
  }

  @Override
  public byte[] replyPdu(ModbusRequest request, byte[] requestFrame, byte[] reply)
      throws DeviceException {
    if (reply.length < HEADER + 1) {
      throw malformed(request, "frame of " + reply.length + " bytes");
    }
    if (word(reply, 0) != word(requestFrame, 0)) {
      throw malformed(
          request,
          "reply has transaction id " + word(reply, 0) + ", expected " + word(requestFrame, 0));
    }
    if (word(reply, 2) != 0) {
      throw malformed(request, "MBAP protocol id " + word(reply, 2) + ", expected 0");
    }
    if (word(reply, 4) != reply.length - 6) {
      throw malformed(
          request, "MBAP length " + word(reply, 4) + " for " + (reply.length - 6) + " bytes");
    }
    if (reply[6] != requestFrame[6]) {
      throw malformed(request, "reply comes from unit " + (reply[6] & 0xFF));
    }
    return pdu(reply);
  }

  /** A frame around {@code pdu}. */
  public static byte[] frame(int transaction, int unit, byte[] pdu) {
    byte[] frame = new byte[HEADER + pdu.length];
    frame[0] = (byte) (transaction >>> 8);
    frame[1] = (byte) transaction;
    frame[4] = (byte) ((pdu.length + 1) >>> 8);
    frame[5] = (byte) (pdu.length + 1);
    frame[6] = (byte) unit;
    System.arraycopy(pdu, 0, frame, HEADER, pdu.length);
    return frame;
  }

  /** The PDU of a complete frame. */
  public static byte[] pdu(byte[] frame) {
    return Arrays.copyOfRange(frame, HEADER, frame.length);
  }

  /** The unit id of a complete frame. */
  public static int unit(byte[] frame) {
    return frame[6] & 0xFF;
  }

  /** A server's reply frame: the request's transaction and unit around the reply PDU. */
  public static byte[] replyTo(byte[] requestFrame, byte[] replyPdu) {
    return frame(word(requestFrame, 0), unit(requestFrame), replyPdu);
  }

  private static int word(byte[] bytes, int offset) {
    return RequestPduCodec.word(bytes, offset);
  }

  private static DeviceException malformed(ModbusRequest request, String message) {
    return new DeviceException(ErrorKind.MALFORMED, request.describe() + ": " + message);
  }
}
