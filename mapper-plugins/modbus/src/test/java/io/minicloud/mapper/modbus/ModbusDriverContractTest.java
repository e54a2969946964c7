package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.contract.DeviceDriverContract;
import io.minicloud.mapper.modbus.codec.Crc16;
import java.util.List;

/** The SPI contract, replayed from {@code modbus.<case>.json} + {@code .hex} fixtures. */
class ModbusDriverContractTest extends DeviceDriverContract {

  /** Bytes of a Modbus TCP read reply whose corruption the header checks catch. */
  private static final int TCP_READ_HEADER = 9;

  @Override
  protected MapperPlugin plugin() {
    return new ModbusPlugin();
  }

  @Override
  protected List<String> goldenCases() {
    return List.of(
        "tcp-read-holding-float32-cdab",
        "tcp-read-merged-registers",
        "rtu-read-input-int16-scaled",
        "rtu-read-coils",
        "rtu-exception-illegal-address",
        "rtu-crc-error",
        "rtu-partial-failure",
        "rtu-over-tcp-read-string",
        "tcp-timeout",
        "rtu-write-single-register-fc6",
        "tcp-write-multiple-float32-fc16",
        "rtu-write-coil-fc5",
        "rtu-write-coils-fc15",
        "tcp-write-bitfield-read-modify-write");
  }

  /**
   * An RTU reply (recognised by its valid CRC) detects every single-bit flip: CRC-16 catches all of
   * them. A Modbus TCP reply has no checksum: only flips in the MBAP header, function code and byte
   * count are caught, by the checks against the request; a flip in the data is a different,
   * well-formed value that no client could tell from the real one.
   */
  @Override
  protected boolean corruptionIsDetectable(byte[] reply, int bit) {
    return Crc16.valid(reply) || bit / 8 < TCP_READ_HEADER;
  }
}
