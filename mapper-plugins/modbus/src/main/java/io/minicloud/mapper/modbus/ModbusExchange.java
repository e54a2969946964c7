package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.modbus.codec.ModbusFramer;
import io.minicloud.mapper.modbus.codec.ModbusRequest;
import io.minicloud.mapper.modbus.codec.ReplyPduCodec;
import java.io.IOException;

/** One request and its checked reply, through the link session the core handed in. */
final class ModbusExchange {
  private final ModbusFramer framer;

  ModbusExchange(ModbusFramer framer) {
    this.framer = framer;
  }

  /**
   * Sends the request and returns the values its reply carries (empty for writes).
   *
   * @throws DeviceException naming the request, when the device did not answer it correctly
   * @throws IOException when the link failed
   */
  int[] execute(LinkSession session, ModbusRequest request) throws IOException {
    byte[] frame = framer.encode(request);
    byte[] reply;
    try {
      reply = session.exchange(frame, framer.replyReader());
    } catch (DeviceException e) {
      // the session knows the bytes, not the request: say which request failed
      throw new DeviceException(e.kind(), request.describe() + ": " + e.getMessage(), e);
    }
    return ReplyPduCodec.decode(request, framer.replyPdu(request, frame, reply));
  }

  /** Sends a broadcast (RTU unit 0): nobody answers, so there is nothing to check. */
  void broadcast(LinkSession session, ModbusRequest request) throws IOException {
    session.send(framer.encode(request));
  }
}
