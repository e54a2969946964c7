package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.RegisterCodec;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import java.util.Arrays;

/**
 * Turns a property's slice of a read reply into its raw {@link Value}, and a raw value into the
 * register words or coil states to write. Registers go through {@link RegisterCodec}; a single coil
 * is a bool, a bank of coils an unsigned integer with the first coil in bit 0.
 */
final class PointValueCodec {
  private PointValueCodec() {}

  /**
   * @param values what the block's reply carried, starting at {@code blockAddress}
   * @throws IllegalArgumentException when the registers do not make a value of the raw type
   */
  static Value decode(ModbusPointConfig point, int[] values, int blockAddress) {
    int from = point.address() - blockAddress;
    int[] slice = Arrays.copyOfRange(values, from, from + point.count());
    if (!point.register().bits()) {
      return RegisterCodec.decode(slice, point.rawType(), point.order());
    }
    if (point.rawType() == DataType.BOOL) {
      return new BoolValue(slice[0] == 1);
    }
    long bank = 0;
    for (int i = 0; i < slice.length; i++) {
      bank |= (long) slice[i] << i;
    }
    return new LongValue(bank, point.rawType());
  }

  /**
   * The register words (or coil states 0/1) that write {@code raw}.
   *
   * @throws IllegalArgumentException when the value does not fit the property's raw type
   */
  static int[] encode(ModbusPointConfig point, Value raw) {
    Value value = toRawType(point, raw);
    if (!point.register().bits()) {
      return RegisterCodec.encode(value, point.order(), point.count());
    }
    if (value instanceof BoolValue b) {
      return new int[] {b.value() ? 1 : 0};
    }
    long bank = ((LongValue) value).value();
    if (point.count() < 64 && bank >>> point.count() != 0) {
      throw new IllegalArgumentException(
          point.property()
              + ": "
              + Long.toUnsignedString(bank)
              + " does not fit "
              + point.count()
              + " coils");
    }
    int[] bits = new int[point.count()];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = (int) (bank >>> i) & 1;
    }
    return bits;
  }

  /** The word mask of a bit-field property, laid out like its value. */
  static int[] maskWords(ModbusPointConfig point) {
    long mask = point.transform().mask().orElse(-1L);
    DataType unsigned =
        switch (point.rawType().bits()) {
          case 16 -> DataType.UINT16;
          case 32 -> DataType.UINT32;
          default -> DataType.UINT64;
        };
    long pattern = unsigned == DataType.UINT64 ? mask : mask & ((1L << unsigned.bits()) - 1);
    return RegisterCodec.encode(new LongValue(pattern, unsigned), point.order(), point.count());
  }

  /** Accepts a value of another width of the same kind (the core may widen), range-checked. */
  private static Value toRawType(ModbusPointConfig point, Value raw) {
    DataType target = point.rawType();
    if (raw.type() == target) {
      return raw;
    }
    if (raw instanceof DoubleValue d
        && (target == DataType.FLOAT32 || target == DataType.FLOAT64)) {
      return new DoubleValue(d.value(), target);
    }
    if (raw instanceof LongValue l
        && target.numeric()
        && l.type() != DataType.UINT64
        && target != DataType.FLOAT32
        && target != DataType.FLOAT64) {
      if (target == DataType.UINT64 && l.value() < 0) {
        throw new IllegalArgumentException(
            point.property() + ": " + l.value() + " does not fit uint64");
      }
      return new LongValue(l.value(), target); // throws when it does not fit
    }
    throw new IllegalArgumentException(
        point.property() + " takes " + name(target) + " raw values, got " + name(raw.type()));
  }

  private static String name(DataType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT);
  }
}
