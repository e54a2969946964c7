package io.minicloud.mapper.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.contract.Hex;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Hostile replies: 10 000 random, truncated and corrupted frames per framer. Each must end in a
 * {@link DeviceException} or in waiting for bytes that never come (a timeout), never in another
 * exception and never in a value.
 */
class FramerFuzzTest {
  private static final int ROUNDS = 10_000;

  /** Delimits arriving bytes as the core does, then checks and decodes; null means a timeout. */
  private static int[] receive(
      ModbusFramer framer, ModbusRequest request, byte[] requestFrame, byte[] arrived)
      throws DeviceException {
    FrameReader reader = framer.replyReader();
    for (int have = 1; have <= arrived.length; have++) {
      int need = reader.frameLength(arrived, have);
      if (need != FrameReader.NEED_MORE && need <= have) {
        byte[] frame = Arrays.copyOf(arrived, need);
        return ReplyPduCodec.decode(request, framer.replyPdu(request, requestFrame, frame));
      }
      if (need != FrameReader.NEED_MORE && need > arrived.length) {
        return null;
      }
    }
    return null;
  }

  private static ModbusRequest randomRequest(Random random) {
    int unit = 1 + random.nextInt(247);
    FunctionCode function = FunctionCode.values()[random.nextInt(FunctionCode.values().length)];
    int quantity = 1 + random.nextInt(function.maxQuantity());
    int address = random.nextInt(0x10000 - quantity);
    if (function.isRead()) {
      return ModbusRequest.read(unit, function, address, quantity);
    }
    int[] values = new int[quantity];
    for (int i = 0; i < quantity; i++) {
      values[i] = random.nextInt(function.isBits() ? 2 : 0x10000);
    }
    return new ModbusRequest(unit, function, address, quantity, values);
  }

  private static int[] randomValues(Random random, ModbusRequest request) {
    if (!request.function().isRead()) {
      return new int[0];
    }
    int[] values = new int[request.quantity()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(request.function().isBits() ? 2 : 0x10000);
    }
    return values;
  }

  private static byte[] mutate(Random random, byte[] reply, int round, int header) {
    byte[] mutated;
    switch (round % 4) {
      case 0 -> {
        mutated = new byte[random.nextInt(300)];
        random.nextBytes(mutated);
      }
      case 1 -> mutated = Arrays.copyOf(reply, random.nextInt(reply.length));
      case 2 -> {
        mutated = reply.clone();
        int at = random.nextInt(Math.min(header, mutated.length));
        mutated[at] ^= (byte) (1 + random.nextInt(255));
      }
      default -> {
        mutated = reply.clone();
        int bit = random.nextInt(Math.min(header, mutated.length) * 8);
        mutated[bit / 8] ^= (byte) (1 << (bit % 8));
      }
    }
    return mutated;
  }

  private static void fuzz(ModbusFramer framer, boolean rtu, long seed) {
    Random random = new Random(seed);
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      // GIVEN a random request and the correct reply to it
      ModbusRequest request = randomRequest(random);
      byte[] requestFrame = framer.encode(request);
      int[] values = randomValues(random, request);
      byte[] pdu = ReplyPduCodec.encode(request, values);
      byte[] reply =
          rtu ? Crc16.append(concat(request.unit(), pdu)) : TcpFramer.replyTo(requestFrame, pdu);
      // a checksum covers every RTU byte; without one, only Modbus TCP's header and byte count
      // (and a write's echo) can be checked against the request
      int header = rtu || !request.function().isRead() ? reply.length : TcpFramer.HEADER + 2;
      // WHEN the reply is mangled and received
      byte[] mutated = mutate(random, reply, round, header);
      try {
        int[] got = receive(framer, request, requestFrame, mutated);
        // THEN nothing comes out, unless the mangling happened to change nothing
        if (got != null && !Arrays.equals(mutated, reply)) {
          fail(
              "reply "
                  + Hex.format(mutated)
                  + " to "
                  + request
                  + " yielded "
                  + Arrays.toString(got));
        }
        refused += got == null ? 1 : 0;
      } catch (DeviceException expected) {
        refused++;
      } catch (RuntimeException e) {
        throw new AssertionError("reply " + Hex.format(mutated) + " to " + request + " threw", e);
      }
    }
    assertTrue(refused > ROUNDS * 0.99, refused + " of " + ROUNDS + " mangled replies refused");
  }

  private static byte[] concat(int unit, byte[] pdu) {
    byte[] body = new byte[pdu.length + 1];
    body[0] = (byte) unit;
    System.arraycopy(pdu, 0, body, 1, pdu.length);
    return body;
  }

  @Test
  void rtuRepliesNeverYieldAValueWhenMangled() {
    fuzz(new RtuFramer(), true, 1);
  }

  @Test
  void tcpRepliesNeverYieldAValueWhenTheirCheckedPartsAreMangled() {
    fuzz(new TcpFramer(), false, 2);
  }

  @Test
  void unmangledRepliesDoYieldTheirValues() throws Exception {
    // GIVEN correct replies (so the fuzzing above refuses for the right reason)
    Random random = new Random(3);
    for (int round = 0; round < 1000; round++) {
      ModbusRequest request = randomRequest(random);
      int[] values = randomValues(random, request);
      byte[] pdu = ReplyPduCodec.encode(request, values);
      RtuFramer rtu = new RtuFramer();
      TcpFramer tcp = new TcpFramer();
      byte[] rtuRequest = rtu.encode(request);
      byte[] tcpRequest = tcp.encode(request);
      // WHEN received / THEN the values come out of both framings
      assertArrayEquals(
          values, receive(rtu, request, rtuRequest, Crc16.append(concat(request.unit(), pdu))));
      assertArrayEquals(
          values, receive(tcp, request, tcpRequest, TcpFramer.replyTo(tcpRequest, pdu)));
    }
  }

  @Test
  void hostileRequestsOnlyEverGetAnExceptionCode() {
    // GIVEN random request PDUs, as a server might receive them
    Random random = new Random(4);
    int rejected = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] pdu = new byte[random.nextInt(20)];
      random.nextBytes(pdu);
      if (pdu.length > 0 && round % 2 == 0) {
        pdu[0] = (byte) FunctionCode.values()[random.nextInt(8)].code();
      }
      // WHEN decoded / THEN a request or a rejection with an exception code, nothing else
      try {
        RequestPduCodec.decode(1, pdu);
      } catch (RejectedRequestException e) {
        rejected++;
        assertEquals(e.code(), ExceptionCode.of(e.code().code()).orElseThrow());
      }
    }
    assertTrue(rejected > ROUNDS / 2, rejected + " rejected");
  }
}
