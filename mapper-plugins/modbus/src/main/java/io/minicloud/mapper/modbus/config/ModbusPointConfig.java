package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.api.ByteOrder4;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one property lives on a Modbus device ({@code visitors.configData}), typed.
 *
 * @param address the first register or coil, 0-based (KubeEdge's {@code offset})
 * @param count registers (holding, input) or coils (coil, discrete input) the property spans
 * @param rawType the type read from and written to the registers; a bank of several coils is an
 *     unsigned integer, the first coil in bit 0
 * @param order register layout of multi-register values
 * @param forceMultiple write with function 15/16 even when one item would do
 */
public record ModbusPointConfig(
    String property,
    RegisterType register,
    int address,
    int count,
    DataType rawType,
    ByteOrder4 order,
    Transform transform,
    boolean forceMultiple,
    boolean writable) {

  private static final String[] KEYS = {
    "register", "offset", "limit", "rawType", "dataType", "forceMultiple"
  };

  public ModbusPointConfig {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(register, "register");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(transform, "transform");
  }

  /** One past the last register or coil. */
  public int end() {
    return address + count;
  }

  public PointBinding binding() {
    return new PointBinding(rawType, transform);
  }

  /**
   * Binds one property's visitor config, adding every problem to {@code errors}.
   *
   * @return the point, or empty when it has errors
   */
  public static Optional<ModbusPointConfig> bind(
      PropertySpec property, ModbusProtocolConfig device, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields f = new ConfigFields(property.visitorConfig(), property::field, errors);
    f.accept(KEYS);
    f.accept(ByteOrderBinding.KEYS);
    f.accept(TransformBinding.keys());
    RegisterType register = f.parsed("register", RegisterType::parse).orElse(null);
    if (register == null && !f.has("register")) {
      f.error(
          "register",
          "missing: expected CoilRegister, DiscreteInputRegister,"
              + " HoldingRegister or InputRegister");
    }
    Optional<Integer> address = f.integer("offset", 0, 65535);
    if (!f.has("offset")) {
      f.error("offset", "missing: the register address, 0-based");
    }
    Optional<Integer> limit = f.integer("limit", 1, 65535);
    String rawKey = f.alias("rawType", "dataType");
    Optional<DataType> rawType = f.parsed(rawKey, DataType::parse);
    boolean rawTypeInvalid = f.has(rawKey) && rawType.isEmpty();
    ByteOrder4 order = ByteOrderBinding.bind(f);
    Transform transform = TransformBinding.bind(f);
    boolean forceMultiple = f.bool("forceMultiple").orElse(device.forceMultiple());
    f.rejectUnknown();
    if (register == null
        || address.isEmpty()
        || rawTypeInvalid
        || limit.isEmpty() && f.has("limit")) {
      return Optional.empty();
    }
    PointShape shape =
        PointShape.of(
            f,
            register,
            property.type(),
            rawType,
            rawKey,
            limit,
            device,
            transform != null && !transform.enumMap().isEmpty());
    if (shape == null) {
      return Optional.empty();
    }
    ModbusPointConfig point =
        new ModbusPointConfig(
            property.name(),
            register,
            address.get(),
            shape.count(),
            shape.rawType(),
            order,
            transform,
            forceMultiple,
            property.writable());
    point.check(f, device);
    return errors.size() == before ? Optional.of(point) : Optional.empty();
  }

  /** Checks that need the whole point: address range, writability, transform vs raw type. */
  private void check(ConfigFields f, ModbusProtocolConfig device) {
    String unit = register.bits() ? " coils" : " registers";
    if (end() > 0x10000) {
      f.error("offset", address + " + " + count + unit + " runs past address 65535");
    }
    if (writable && !register.writable()) {
      f.error(
          "register",
          register.kubeEdgeName() + " is read-only in Modbus, but the property is writable");
    }
    if (writable && count > (register.bits() ? 1968 : 123)) {
      f.error("limit", count + unit + " do not fit one write request");
    }
    boolean integer =
        rawType.numeric() && rawType != DataType.FLOAT32 && rawType != DataType.FLOAT64;
    for (String key : new String[] {"mask", "shift", "enum"}) {
      if (!integer && f.has(key)) {
        f.error(key, "applies to integer raw types, not " + name(rawType));
      }
    }
    if (writable && transform.mask().isPresent() && register.bits()) {
      f.error("mask", "a bit-field write needs a holding register, not coils");
    }
    if (device.broadcast()) {
      if (!writable) {
        f.error(
            "register",
            "unit 0 is the RTU broadcast address, written but never read:"
                + " a read-only property cannot be served");
      } else if (transform.mask().isPresent()) {
        f.error("mask", "unit 0 (broadcast) cannot be read back for a bit-field write");
      }
    }
  }

  static String name(DataType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }
}
