package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.digitalpetri.modbus.MbapHeader;
import com.digitalpetri.modbus.ModbusPduSerializer.DefaultRequestSerializer;
import com.digitalpetri.modbus.ModbusPduSerializer.DefaultResponseSerializer;
import com.digitalpetri.modbus.ModbusRtuResponseFrameParser;
import com.digitalpetri.modbus.pdu.ModbusPdu;
import com.digitalpetri.modbus.pdu.ReadCoilsRequest;
import com.digitalpetri.modbus.pdu.ReadCoilsResponse;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsRequest;
import com.digitalpetri.modbus.pdu.ReadDiscreteInputsResponse;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleCoilsResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleCoilRequest;
import com.digitalpetri.modbus.pdu.WriteSingleCoilResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import io.minicloud.mapper.api.contract.Hex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test against digitalpetri modbus 2.1.4, an independent implementation used only as
 * an oracle: the same requests and replies, encoded by both, must be the same bytes, and each side
 * must decode what the other encoded.
 */
class DigitalpetriDifferentialTest {
  private static final int ROUNDS = 2000;

  private static byte[] bytes(ModbusPdu pdu, boolean request) throws Exception {
    ByteBuffer buffer = ByteBuffer.allocate(300);
    if (request) {
      DefaultRequestSerializer.INSTANCE.encode(pdu, buffer);
    } else {
      DefaultResponseSerializer.INSTANCE.encode(pdu, buffer);
    }
    buffer.flip();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static byte[] words(int[] values) {
    byte[] out = new byte[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      out[2 * i] = (byte) (values[i] >>> 8);
      out[2 * i + 1] = (byte) values[i];
    }
    return out;
  }

  /** The same request as digitalpetri models it. */
  private static ModbusPdu theirRequest(ModbusRequest r) {
    int[] v = r.values();
    return switch (r.function()) {
      case READ_COILS -> new ReadCoilsRequest(r.address(), r.quantity());
      case READ_DISCRETE_INPUTS -> new ReadDiscreteInputsRequest(r.address(), r.quantity());
      case READ_HOLDING_REGISTERS -> new ReadHoldingRegistersRequest(r.address(), r.quantity());
      case READ_INPUT_REGISTERS -> new ReadInputRegistersRequest(r.address(), r.quantity());
      case WRITE_SINGLE_COIL -> new WriteSingleCoilRequest(r.address(), v[0] == 1);
      case WRITE_SINGLE_REGISTER -> new WriteSingleRegisterRequest(r.address(), v[0]);
      case WRITE_MULTIPLE_COILS ->
          new WriteMultipleCoilsRequest(r.address(), r.quantity(), CoilBits.pack(v));
      case WRITE_MULTIPLE_REGISTERS ->
          new WriteMultipleRegistersRequest(r.address(), r.quantity(), words(v));
    };
  }

  /** The reply to it as digitalpetri models it. */
  private static ModbusPdu theirReply(ModbusRequest r, int[] values) {
    int[] v = r.values();
    return switch (r.function()) {
      case READ_COILS -> new ReadCoilsResponse(CoilBits.pack(values));
      case READ_DISCRETE_INPUTS -> new ReadDiscreteInputsResponse(CoilBits.pack(values));
      case READ_HOLDING_REGISTERS -> new ReadHoldingRegistersResponse(words(values));
      case READ_INPUT_REGISTERS -> new ReadInputRegistersResponse(words(values));
      case WRITE_SINGLE_COIL -> new WriteSingleCoilResponse(r.address(), v[0] == 1);
      case WRITE_SINGLE_REGISTER -> new WriteSingleRegisterResponse(r.address(), v[0]);
      case WRITE_MULTIPLE_COILS -> new WriteMultipleCoilsResponse(r.address(), r.quantity());
      case WRITE_MULTIPLE_REGISTERS ->
          new WriteMultipleRegistersResponse(r.address(), r.quantity());
    };
  }

  private static ModbusRequest randomRequest(Random random) {
    FunctionCode function = FunctionCode.values()[random.nextInt(FunctionCode.values().length)];
    int quantity = 1 + random.nextInt(function.maxQuantity());
    int address = random.nextInt(0x10000 - quantity + 1);
    int[] values = new int[function.isRead() ? 0 : quantity];
    Arrays.setAll(values, i -> random.nextInt(function.isBits() ? 2 : 0x10000));
    return new ModbusRequest(1 + random.nextInt(247), function, address, quantity, values);
  }

  private static int[] randomValues(Random random, ModbusRequest request) {
    int[] values = new int[request.function().isRead() ? request.quantity() : 0];
    Arrays.setAll(values, i -> random.nextInt(request.function().isBits() ? 2 : 0x10000));
    return values;
  }

  @Test
  void requestPdusAreTheSameBytesAndDecodeBothWays() throws Exception {
    Random random = new Random(11);
    for (int round = 0; round < ROUNDS; round++) {
      // GIVEN a random request of each function
      ModbusRequest ours = randomRequest(random);
      ModbusPdu theirs = theirRequest(ours);
      // WHEN both encode it
      byte[] ourBytes = RequestPduCodec.encode(ours);
      byte[] theirBytes = bytes(theirs, true);
      // THEN the bytes are equal, and each decodes the other's
      assertEquals(Hex.format(theirBytes), Hex.format(ourBytes), ours.toString());
      assertEquals(ours, RequestPduCodec.decode(ours.unit(), theirBytes));
      assertEquals(
          theirs,
          DefaultRequestSerializer.INSTANCE.decode(
              ours.function().code(), ByteBuffer.wrap(ourBytes)));
    }
  }

  @Test
  void replyPdusAreTheSameBytesAndDecodeBothWays() throws Exception {
    Random random = new Random(12);
    for (int round = 0; round < ROUNDS; round++) {
      // GIVEN a random request and the reply a server gives
      ModbusRequest request = randomRequest(random);
      int[] values = randomValues(random, request);
      ModbusPdu theirs = theirReply(request, values);
      // WHEN both encode the reply
      byte[] ourBytes = ReplyPduCodec.encode(request, values);
      byte[] theirBytes = bytes(theirs, false);
      // THEN the bytes are equal, and each decodes the other's
      assertEquals(Hex.format(theirBytes), Hex.format(ourBytes), request.toString());
      assertArrayEquals(values, ReplyPduCodec.decode(request, theirBytes));
      assertEquals(
          theirs,
          DefaultResponseSerializer.INSTANCE.decode(
              request.function().code(), ByteBuffer.wrap(ourBytes)));
    }
  }

  @Test
  void rtuFramesHaveTheSameCrcAndTheSameLength() throws Exception {
    Random random = new Random(13);
    for (int round = 0; round < ROUNDS; round++) {
      // GIVEN a random request, framed by us, and its reply (1 in 8 an exception)
      ModbusRequest request = randomRequest(random);
      byte[] frame = new RtuFramer().encode(request);
      com.digitalpetri.modbus.Crc16 crc = new com.digitalpetri.modbus.Crc16();
      crc.update(ByteBuffer.wrap(frame, 0, frame.length - 2));
      byte[] pdu =
          round % 8 == 0
              ? ReplyPduCodec.encodeException(request.function().code(), ExceptionCode.ACKNOWLEDGE)
              : ReplyPduCodec.encode(request, randomValues(random, request));
      byte[] body = new byte[pdu.length + 1];
      body[0] = (byte) request.unit();
      System.arraycopy(pdu, 0, body, 1, pdu.length);
      byte[] reply = Crc16.append(body);
      // WHEN digitalpetri computes the CRC and delimits the reply, and so do we
      ModbusRtuResponseFrameParser.ParserState state =
          new ModbusRtuResponseFrameParser().parse(reply);
      int ourLength = new RtuFramer().replyReader().frameLength(reply, reply.length);
      // THEN the same CRC (low byte first on the wire) and the same frame
      assertEquals(
          crc.getValue(), (frame[frame.length - 2] & 0xFF) | (frame[frame.length - 1] & 0xFF) << 8);
      ModbusRtuResponseFrameParser.Accumulated done =
          assertInstanceOf(
              ModbusRtuResponseFrameParser.Accumulated.class, state, Hex.format(reply));
      assertEquals(reply.length, ourLength);
      assertEquals(request.unit(), done.frame().unitId());
      assertEquals(ByteBuffer.wrap(pdu), done.frame().pdu());
    }
  }

  @Test
  void mbapHeadersAreTheSameBytes() {
    // GIVEN a request framed by us
    ModbusRequest request = ModbusRequest.read(200, FunctionCode.READ_INPUT_REGISTERS, 7, 9);
    byte[] frame = new TcpFramer().encode(request);
    // WHEN digitalpetri writes the same header
    ByteBuffer header = ByteBuffer.allocate(7);
    MbapHeader.Serializer.encode(new MbapHeader(1, 0, 6, 200), header);
    // THEN the bytes match
    assertArrayEquals(header.array(), Arrays.copyOf(frame, 7));
  }
}
