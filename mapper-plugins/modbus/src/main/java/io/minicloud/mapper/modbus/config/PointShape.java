package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.api.DataType;
import java.util.Optional;

/**
 * A property's raw type and width in registers or coils, from {@code rawType} and {@code limit} or,
 * when {@code rawType} is not set, from the property's type and {@code limit}: one register is
 * int16 (uint16 for an unsigned property; a float property scales it with the transform), two are
 * float32 for a float property and int32/uint32 otherwise, four are float64 or int64/uint64.
 */
record PointShape(DataType rawType, int count) {

  /** Null after reporting why no shape fits. */
  static PointShape of(
      ConfigFields f,
      RegisterType register,
      DataType propertyType,
      Optional<DataType> explicit,
      String rawKey,
      Optional<Integer> limit,
      ModbusProtocolConfig device,
      boolean enumLabels) {
    if (enumLabels && propertyType == DataType.STRING) {
      // a status word whose codes the transform's enum turns into labels: the wire holds a number
      propertyType = DataType.UINT16;
    }
    PointShape shape =
        register.bits()
            ? bits(f, explicit, rawKey, limit)
            : words(f, propertyType, explicit, rawKey, limit);
    if (shape == null) {
      return null;
    }
    int max = register.bits() ? device.maxCoilsPerRead() : device.maxRegistersPerRead();
    if (shape.count > max) {
      f.error(
          "limit",
          shape.count
              + (register.bits() ? " coils" : " registers")
              + " exceed the "
              + max
              + " one read may ask for (maxRegistersPerRead)");
      return null;
    }
    boolean text = shape.rawType == DataType.STRING || shape.rawType == DataType.BYTES;
    boolean textProperty = propertyType == DataType.STRING || propertyType == DataType.BYTES;
    if (text != textProperty) {
      f.error(
          explicit.isPresent() ? rawKey : "limit",
          "raw type "
              + ModbusPointConfig.name(shape.rawType)
              + " cannot carry a "
              + ModbusPointConfig.name(propertyType)
              + " property");
      return null;
    }
    return shape;
  }

  private static PointShape bits(
      ConfigFields f, Optional<DataType> explicit, String rawKey, Optional<Integer> limit) {
    int count = limit.orElse(1);
    DataType type = explicit.orElse(count == 1 ? DataType.BOOL : bank(count));
    if (type == null) {
      f.error("limit", count + " coils: at most 64 per property");
      return null;
    }
    if (type == DataType.BOOL) {
      if (count != 1) {
        f.error("limit", "a bool is one coil; use rawType uint16/uint32/uint64 for a bank");
        return null;
      }
      return new PointShape(type, 1);
    }
    if (type != DataType.UINT16 && type != DataType.UINT32 && type != DataType.UINT64) {
      f.error(rawKey, "coils read as bool, or as uint16/uint32/uint64 for a bank of coils");
      return null;
    }
    count = limit.orElse(type.bits());
    if (count > type.bits()) {
      f.error("limit", count + " coils do not fit " + ModbusPointConfig.name(type));
      return null;
    }
    return new PointShape(type, count);
  }

  private static DataType bank(int coils) {
    return coils <= 16
        ? DataType.UINT16
        : coils <= 32 ? DataType.UINT32 : coils <= 64 ? DataType.UINT64 : null;
  }

  private static PointShape words(
      ConfigFields f,
      DataType propertyType,
      Optional<DataType> explicit,
      String rawKey,
      Optional<Integer> limit) {
    DataType type = explicit.orElse(null);
    if (type == null) {
      boolean text = propertyType == DataType.STRING || propertyType == DataType.BYTES;
      type =
          text || propertyType == DataType.BOOL || limit.isEmpty()
              ? propertyType
              : numericFor(propertyType, limit.get());
      if (type == null) {
        f.error(
            "limit",
            limit.get() + " registers match no numeric type: use 1, 2 or 4," + " or set rawType");
        return null;
      }
    }
    if (type.registers() == 0) {
      if (limit.isEmpty()) {
        f.error(
            "limit",
            "missing: the length of a "
                + ModbusPointConfig.name(type)
                + " in registers (two bytes each)");
        return null;
      }
      return new PointShape(type, limit.get());
    }
    if (limit.isPresent() && limit.get() != type.registers()) {
      f.error(
          "limit",
          "limit "
              + limit.get()
              + " does not fit "
              + ModbusPointConfig.name(type)
              + ", which spans "
              + type.registers()
              + (type.registers() == 1 ? " register" : " registers"));
      return null;
    }
    return new PointShape(type, type.registers());
  }

  private static DataType numericFor(DataType property, int registers) {
    boolean floating = property == DataType.FLOAT32 || property == DataType.FLOAT64;
    boolean unsigned = !property.signed();
    return switch (registers) {
      case 1 -> unsigned ? DataType.UINT16 : DataType.INT16;
      case 2 -> floating ? DataType.FLOAT32 : unsigned ? DataType.UINT32 : DataType.INT32;
      case 4 -> floating ? DataType.FLOAT64 : unsigned ? DataType.UINT64 : DataType.INT64;
      default -> null;
    };
  }
}
