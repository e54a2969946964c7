package io.minicloud.mapper.modbus.codec;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import java.io.ByteArrayOutputStream;

/**
 * Reply PDUs: a client checks a reply against the request it sent and takes out the values; a
 * server encodes replies and exception responses. A reply that does not answer the request exactly
 * (other function, other address, byte count that does not match the quantity asked for) is
 * refused: a bad frame must never become a value.
 */
public final class ReplyPduCodec {

  private ReplyPduCodec() {}

  /**
   * Checks a reply PDU against the request and returns what it carries.
   *
   * @return for reads, the register words (0..65535) or coil states (0/1), {@code quantity} of
   *     them; for writes, an empty array once the echo matched
   * @throws DeviceException {@link ErrorKind#DEVICE_EXCEPTION} for an exception response, {@link
   *     ErrorKind#MALFORMED} for a reply that does not answer this request, {@link
   *     ErrorKind#VERIFY} when a single write echoes another value
   */
  public static int[] decode(ModbusRequest request, byte[] pdu) throws DeviceException {
    FunctionCode function = request.function();
    if (pdu.length == 0) {
      throw malformed(request, "empty reply PDU");
    }
    int code = pdu[0] & 0xFF;
    if (code == (function.code() | 0x80)) {
      if (pdu.length != 2) {
        throw malformed(request, "exception reply of " + pdu.length + " bytes, expected 2");
      }
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION,
          request.describe() + ": device answered " + ExceptionCode.describe(pdu[1] & 0xFF));
    }
    if (code != function.code()) {
      throw malformed(request, "reply is for function " + code + ", expected " + function.code());
    }
    return function.isRead() ? readValues(request, pdu) : checkEcho(request, pdu);
  }

  private static int[] readValues(ModbusRequest request, byte[] pdu) throws DeviceException {
    int quantity = request.quantity();
    boolean bits = request.function().isBits();
    int expected = bits ? CoilBits.byteCount(quantity) : quantity * 2;
    if (pdu.length < 2) {
      throw malformed(request, "reply has no byte count");
    }
    int byteCount = pdu[1] & 0xFF;
    if (byteCount != expected) {
      throw malformed(
          request,
          "byte count " + byteCount + " does not match " + quantity + " items (" + expected + ")");
    }
    if (pdu.length != 2 + byteCount) {
      throw malformed(
          request, "reply PDU of " + pdu.length + " bytes, byte count says " + (2 + byteCount));
    }
    if (bits) {
      return CoilBits.unpack(pdu, 2, quantity);
    }
    int[] registers = new int[quantity];
    for (int i = 0; i < quantity; i++) {
      registers[i] = RequestPduCodec.word(pdu, 2 + 2 * i);
    }
    return registers;
  }

  private static int[] checkEcho(ModbusRequest request, byte[] pdu) throws DeviceException {
    if (pdu.length != 5) {
      throw malformed(request, "write reply of " + pdu.length + " bytes, expected 5");
    }
    int address = RequestPduCodec.word(pdu, 1);
    int second = RequestPduCodec.word(pdu, 3);
    if (address != request.address()) {
      throw malformed(request, "reply echoes address " + address);
    }
    byte[] sent = RequestPduCodec.encode(request);
    int expected = RequestPduCodec.word(sent, 3);
    if (second != expected) {
      boolean single = request.quantity() == 1 && sent.length == 5;
      String what = single ? "value" : "quantity";
      String message = "reply echoes " + what + " " + second + ", sent " + expected;
      // a single write echoing another value was received but not applied as sent
      throw single
          ? new DeviceException(ErrorKind.VERIFY, request.describe() + ": " + message)
          : malformed(request, message);
    }
    return new int[0];
  }

  /** A server's reply to a request it carried out: read values, or the write echo. */
  public static byte[] encode(ModbusRequest request, int[] values) {
    if (!request.function().isRead()) {
      return java.util.Arrays.copyOf(RequestPduCodec.encode(request), 5);
    }
    if (values.length != request.quantity()) {
      throw new IllegalArgumentException(
          "expected " + request.quantity() + " values, got " + values.length);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(2 + values.length * 2);
    out.write(request.function().code());
    if (request.function().isBits()) {
      byte[] packed = CoilBits.pack(values);
      out.write(packed.length);
      out.writeBytes(packed);
    } else {
      out.write(values.length * 2);
      for (int value : values) {
        RequestPduCodec.word(out, value);
      }
    }
    return out.toByteArray();
  }

  /** An exception response: the function code with its high bit set, then the exception code. */
  public static byte[] encodeException(int function, ExceptionCode code) {
    return new byte[] {(byte) (function | 0x80), (byte) code.code()};
  }

  private static DeviceException malformed(ModbusRequest request, String message) {
    return new DeviceException(ErrorKind.MALFORMED, request.describe() + ": " + message);
  }
}
