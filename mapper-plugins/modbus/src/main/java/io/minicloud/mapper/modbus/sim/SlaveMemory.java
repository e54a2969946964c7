package io.minicloud.mapper.modbus.sim;

import io.minicloud.mapper.modbus.codec.ExceptionCode;
import io.minicloud.mapper.modbus.codec.ModbusRequest;
import io.minicloud.mapper.modbus.codec.RejectedRequestException;
import io.minicloud.mapper.modbus.codec.ReplyPduCodec;
import io.minicloud.mapper.modbus.config.RegisterType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four data tables of one simulated unit, {@code size} items each. Thread-safe: client
 * connections and the simulation's ticker use it at once. Addresses at or past {@code size} answer
 * "illegal data address", as a real device with a small register map does.
 */
public final class SlaveMemory {
  private final int size;
  private final Map<RegisterType, int[]> tables = new EnumMap<>(RegisterType.class);

  public SlaveMemory(int size) {
    if (size < 1 || size > 0x10000) {
      throw new IllegalArgumentException("size " + size + " is outside 1..65536");
    }
    this.size = size;
    for (RegisterType table : RegisterType.values()) {
      tables.put(table, new int[size]);
    }
  }

  public int size() {
    return size;
  }

  public synchronized int get(RegisterType table, int address) {
    return tables.get(table)[address];
  }

  /** Sets a register word (0..65535) or a coil (0/1); the value is masked to that width. */
  public synchronized void set(RegisterType table, int address, int value) {
    tables.get(table)[address] = value & (table.bits() ? 1 : 0xFFFF);
  }

  /** Sets consecutive registers or coils, starting at {@code address}. */
  public synchronized void set(RegisterType table, int address, int... values) {
    for (int i = 0; i < values.length; i++) {
      set(table, address + i, values[i]);
    }
  }

  /**
   * Carries out a request and returns the reply PDU.
   *
   * @throws RejectedRequestException (illegal data address) when it reaches past the tables
   */
  public synchronized byte[] apply(ModbusRequest request) throws RejectedRequestException {
    if (request.address() + request.quantity() > size) {
      throw new RejectedRequestException(
          request.function().code(),
          ExceptionCode.ILLEGAL_DATA_ADDRESS,
          request.describe() + ": this unit has " + size + " items per table");
    }
    RegisterType table = table(request);
    int[] data = tables.get(table);
    if (request.function().isRead()) {
      int[] values = new int[request.quantity()];
      System.arraycopy(data, request.address(), values, 0, values.length);
      return ReplyPduCodec.encode(request, values);
    }
    int[] values = request.values();
    System.arraycopy(values, 0, data, request.address(), values.length);
    return ReplyPduCodec.encode(request, new int[0]);
  }

  private static RegisterType table(ModbusRequest request) {
    return switch (request.function()) {
      case READ_COILS, WRITE_SINGLE_COIL, WRITE_MULTIPLE_COILS -> RegisterType.COIL;
      case READ_DISCRETE_INPUTS -> RegisterType.DISCRETE_INPUT;
      case READ_HOLDING_REGISTERS, WRITE_SINGLE_REGISTER, WRITE_MULTIPLE_REGISTERS ->
          RegisterType.HOLDING;
      case READ_INPUT_REGISTERS -> RegisterType.INPUT;
    };
  }
}
