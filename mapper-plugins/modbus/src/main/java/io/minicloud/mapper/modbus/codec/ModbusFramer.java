package io.minicloud.mapper.modbus.codec;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.FrameReader;

/**
 * Wraps request PDUs into the frames a transport carries, delimits reply frames and checks them
 * against the request before the PDU inside is trusted. RTU framing serves serial lines and RTU
 * over TCP alike; the transport underneath is never seen here.
 */
public interface ModbusFramer {

  /** The request as it goes on the wire. */
  byte[] encode(ModbusRequest request);

  /** Tells the link when a reply frame is complete (or that the bytes cannot be a reply). */
  FrameReader replyReader();

  /**
   * Checks a complete reply frame against the request frame that was sent, and returns the PDU
   * inside it (not yet checked against the request: {@link ReplyPduCodec#decode} does that).
   *
   * @throws DeviceException {@code CRC} for a checksum error, {@code MALFORMED} for a frame from
   *     another unit or transaction, or one whose header does not match its length
   */
  byte[] replyPdu(ModbusRequest request, byte[] requestFrame, byte[] replyFrame)
      throws DeviceException;
}
