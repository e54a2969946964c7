package io.minicloud.mapper.modbus.codec;

import java.io.ByteArrayOutputStream;

/**
 * Encodes request PDUs (function code + data, without unit id or checksum) and decodes them on the
 * server side. Framing is the {@link ModbusFramer}'s business.
 */
public final class RequestPduCodec {
  private static final int COIL_ON = 0xFF00;

  private RequestPduCodec() {}

  /** The request's PDU: function code, then its data, big-endian as Modbus sends words. */
  public static byte[] encode(ModbusRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8 + request.quantity() * 2);
    out.write(request.function().code());
    word(out, request.address());
    int[] values = request.values();
    switch (request.function()) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS ->
          word(out, request.quantity());
      case WRITE_SINGLE_COIL -> word(out, values[0] == 1 ? COIL_ON : 0);
      case WRITE_SINGLE_REGISTER -> word(out, values[0]);
      case WRITE_MULTIPLE_COILS -> {
        byte[] packed = CoilBits.pack(values);
        word(out, request.quantity());
        out.write(packed.length);
        out.writeBytes(packed);
      }
      case WRITE_MULTIPLE_REGISTERS -> {
        word(out, request.quantity());
        out.write(values.length * 2);
        for (int value : values) {
          word(out, value);
        }
      }
    }
    return out.toByteArray();
  }

  /**
   * Decodes a request PDU as a server receives it.
   *
   * @throws RejectedRequestException with the exception code a server answers: illegal function for
   *     a function we do not serve, illegal data value for a bad length, quantity or coil value,
   *     illegal data address when the range runs past 65535
   */
  public static ModbusRequest decode(int unit, byte[] pdu) throws RejectedRequestException {
    if (pdu.length == 0) {
      throw new RejectedRequestException(0, ExceptionCode.ILLEGAL_FUNCTION, "empty PDU");
    }
    int code = pdu[0] & 0xFF;
    FunctionCode function =
        FunctionCode.of(code)
            .orElseThrow(
                () ->
                    new RejectedRequestException(
                        code, ExceptionCode.ILLEGAL_FUNCTION, "function " + code));
    int expected =
        switch (function) {
          case WRITE_MULTIPLE_COILS, WRITE_MULTIPLE_REGISTERS ->
              pdu.length >= 6 ? 6 + (pdu[5] & 0xFF) : 6;
          default -> 5;
        };
    if (pdu.length != expected) {
      throw invalid(code, function + ": PDU of " + pdu.length + " bytes, expected " + expected);
    }
    int address = word(pdu, 1);
    int second = word(pdu, 3);
    int quantity = function.isRead() || pdu.length > 5 ? second : 1;
    if (quantity < 1 || quantity > function.maxQuantity()) {
      throw invalid(code, function + ": quantity " + quantity);
    }
    if (address + quantity > 0x10000) {
      throw new RejectedRequestException(
          code, ExceptionCode.ILLEGAL_DATA_ADDRESS, "range runs past 65535");
    }
    return switch (function) {
      case READ_COILS, READ_DISCRETE_INPUTS, READ_HOLDING_REGISTERS, READ_INPUT_REGISTERS ->
          ModbusRequest.read(unit, function, address, quantity);
      case WRITE_SINGLE_COIL -> {
        if (second != COIL_ON && second != 0) {
          throw invalid(code, "coil value 0x" + Integer.toHexString(second));
        }
        yield ModbusRequest.writeCoil(unit, address, second == COIL_ON);
      }
      case WRITE_SINGLE_REGISTER -> ModbusRequest.writeRegister(unit, address, second);
      case WRITE_MULTIPLE_COILS -> {
        if ((pdu[5] & 0xFF) != CoilBits.byteCount(quantity)) {
          throw invalid(code, "byte count " + (pdu[5] & 0xFF) + " for " + quantity + " coils");
        }
        yield ModbusRequest.writeCoils(unit, address, CoilBits.unpack(pdu, 6, quantity));
      }
      case WRITE_MULTIPLE_REGISTERS -> {
        if ((pdu[5] & 0xFF) != quantity * 2) {
          throw invalid(code, "byte count " + (pdu[5] & 0xFF) + " for " + quantity + " registers");
        }
        int[] registers = new int[quantity];
        for (int i = 0; i < quantity; i++) {
          registers[i] = word(pdu, 6 + 2 * i);
        }
        yield ModbusRequest.writeRegisters(unit, address, registers);
      }
    };
  }

  static void word(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value & 0xFF);
  }

  static int word(byte[] bytes, int offset) {
    return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
  }

  private static RejectedRequestException invalid(int code, String message) {
    return new RejectedRequestException(code, ExceptionCode.ILLEGAL_DATA_VALUE, message);
  }
}
