package io.minicloud.mapper.modbus.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Modbus request, before framing.
 *
 * @param unit the unit id (slave address): 0..255; 0 is the RTU broadcast address
 * @param address the first register or coil, 0-based (PDU addressing)
 * @param quantity how many registers or coils; 1 for the single-write functions
 * @param values what a write carries: register words 0..65535, or coil states 0/1; empty for reads
 */
public record ModbusRequest(
    int unit, FunctionCode function, int address, int quantity, int[] values) {

  public ModbusRequest {
    Objects.requireNonNull(function, "function");
    values = Objects.requireNonNull(values, "values").clone();
    check(unit >= 0 && unit <= 255, "unit id " + unit + " is outside 0..255");
    check(address >= 0 && address <= 0xFFFF, "address " + address + " is outside 0..65535");
    check(
        quantity >= 1 && quantity <= function.maxQuantity(),
        function + ": quantity " + quantity + " is outside 1.." + function.maxQuantity());
    check(
        address + quantity <= 0x10000,
        "address " + address + " + quantity " + quantity + " runs past 65535");
    check(
        values.length == (function.isRead() ? 0 : quantity),
        function
            + ": expected "
            + (function.isRead() ? 0 : quantity)
            + " values, got "
            + values.length);
    int max = function.isBits() ? 1 : 0xFFFF;
    for (int value : values) {
      check(value >= 0 && value <= max, function + ": value " + value + " is outside 0.." + max);
    }
  }

  public static ModbusRequest read(int unit, FunctionCode function, int address, int quantity) {
    if (!function.isRead()) {
      throw new IllegalArgumentException(function + " is not a read");
    }
    return new ModbusRequest(unit, function, address, quantity, new int[0]);
  }

  public static ModbusRequest writeCoil(int unit, int address, boolean on) {
    return new ModbusRequest(
        unit, FunctionCode.WRITE_SINGLE_COIL, address, 1, new int[] {on ? 1 : 0});
  }

  public static ModbusRequest writeRegister(int unit, int address, int value) {
    return new ModbusRequest(
        unit, FunctionCode.WRITE_SINGLE_REGISTER, address, 1, new int[] {value});
  }

  /** Coil states as 0/1, first coil first. */
  public static ModbusRequest writeCoils(int unit, int address, int[] bits) {
    return new ModbusRequest(unit, FunctionCode.WRITE_MULTIPLE_COILS, address, bits.length, bits);
  }

  public static ModbusRequest writeRegisters(int unit, int address, int[] registers) {
    return new ModbusRequest(
        unit, FunctionCode.WRITE_MULTIPLE_REGISTERS, address, registers.length, registers);
  }

  @Override
  public int[] values() {
    return values.clone();
  }

  /** For messages: {@code unit 1, read holding registers (fc 3) at address 100}. */
  public String describe() {
    return "unit "
        + unit
        + ", "
        + function
        + " at address "
        + address
        + (quantity > 1 ? " (" + quantity + " items)" : "");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModbusRequest that
        && unit == that.unit
        && function == that.function
        && address == that.address
        && quantity == that.quantity
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(unit, function, address, quantity, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return describe() + (values.length == 0 ? "" : " values " + Arrays.toString(values));
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
