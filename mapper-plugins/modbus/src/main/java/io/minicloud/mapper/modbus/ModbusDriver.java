package io.minicloud.mapper.modbus;

import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.modbus.codec.ModbusRequest;
import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import io.minicloud.mapper.modbus.config.ModbusProtocolConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A bound Modbus device. Reads are merged into as few requests as the planner allows; a request
 * that fails fails only its own properties. Writes use function 5/6 for one item and 15/16 for
 * several (or always, with {@code forceMultiple}), and bit-field writes read the register first.
 */
public final class ModbusDriver implements DeviceDriver {
  private final ModbusProtocolConfig device;
  private final Map<String, ModbusPointConfig> points;
  private final LinkSpec link;
  private final ModbusExchange exchange;
  private final ReadPlanner planner;

  public ModbusDriver(ModbusProtocolConfig device, Map<String, ModbusPointConfig> points) {
    this.device = device;
    this.points = Map.copyOf(points);
    this.link = device.link();
    this.exchange = new ModbusExchange(device.framer());
    this.planner =
        new ReadPlanner(
            device.maxRegistersPerRead(), device.maxCoilsPerRead(), device.maxReadGap());
  }

  @Override
  public LinkSpec link() {
    return link;
  }

  @Override
  public PointBinding point(String property) {
    return require(property).binding();
  }

  /**
   * Reads the properties. When the first request times out the device is taken as not answering and
   * the rest are not sent: a dead unit on an RS-485 bus would otherwise hold the bus for one
   * timeout per request, every poll.
   *
   * @throws DeviceException of kind {@code TIMEOUT} when the device did not answer at all
   */
  @Override
  public List<PointResult> read(LinkSession session, List<String> properties) throws IOException {
    Map<String, ModbusPointConfig> wanted = new LinkedHashMap<>();
    for (String name : new LinkedHashSet<>(properties)) {
      wanted.put(name, require(name));
    }
    Map<String, PointResult> results = new HashMap<>();
    if (device.broadcast()) {
      DeviceException never =
          new DeviceException(
              ErrorKind.NO_DATA, "unit 0 is the RTU broadcast address: written, never read");
      wanted.keySet().forEach(name -> results.put(name, PointResult.failed(name, never)));
    } else {
      readBlocks(session, planner.plan(wanted.values()), results);
    }
    List<PointResult> ordered = new ArrayList<>(properties.size());
    for (String name : properties) {
      ordered.add(results.get(name));
    }
    return ordered;
  }

  private void readBlocks(LinkSession session, List<ReadBlock> blocks, Map<String, PointResult> out)
      throws IOException {
    boolean answered = false;
    for (ReadBlock block : blocks) {
      int[] values;
      try {
        values = exchange.execute(session, block.request(device.unitId()));
        answered = true;
      } catch (DeviceException e) {
        if (e.kind() == ErrorKind.TIMEOUT && !answered) {
          throw e;
        }
        answered = true;
        block.points().forEach(p -> out.put(p.property(), PointResult.failed(p.property(), e)));
        continue;
      }
      for (ModbusPointConfig point : block.points()) {
        out.put(point.property(), decode(point, values, block.address()));
      }
    }
  }

  private static PointResult decode(ModbusPointConfig point, int[] values, int blockAddress) {
    try {
      return PointResult.ok(point.property(), PointValueCodec.decode(point, values, blockAddress));
    } catch (IllegalArgumentException e) {
      return PointResult.failed(
          point.property(), new DeviceException(ErrorKind.DECODE, e.getMessage(), e));
    }
  }

  /**
   * Writes a raw value and checks the device's echo.
   *
   * @throws IllegalArgumentException for a read-only property or a value that does not fit it
   */
  @Override
  public void write(LinkSession session, String property, Value raw) throws IOException {
    ModbusPointConfig point = require(property);
    if (!point.writable()) {
      throw new IllegalArgumentException(property + " is read-only");
    }
    int[] values = PointValueCodec.encode(point, raw);
    if (point.transform().mask().isPresent()) {
      values = mergeBitField(session, point, values);
    }
    ModbusRequest request = writeRequest(point, values);
    if (device.broadcast()) {
      exchange.broadcast(session, request);
    } else {
      exchange.execute(session, request);
    }
  }

  private ModbusRequest writeRequest(ModbusPointConfig point, int[] values) {
    int unit = device.unitId();
    boolean single = values.length == 1 && !point.forceMultiple();
    if (point.register().bits()) {
      return single
          ? ModbusRequest.writeCoil(unit, point.address(), values[0] == 1)
          : ModbusRequest.writeCoils(unit, point.address(), values);
    }
    return single
        ? ModbusRequest.writeRegister(unit, point.address(), values[0])
        : ModbusRequest.writeRegisters(unit, point.address(), values);
  }

  /** Read-modify-write: the bits outside the mask keep what the device has now. */
  private int[] mergeBitField(LinkSession session, ModbusPointConfig point, int[] field)
      throws IOException {
    int[] current =
        exchange.execute(
            session,
            ModbusRequest.read(
                device.unitId(), point.register().readFunction(), point.address(), point.count()));
    int[] mask = PointValueCodec.maskWords(point);
    int[] merged = new int[field.length];
    for (int i = 0; i < merged.length; i++) {
      merged[i] = (current[i] & ~mask[i] | field[i] & mask[i]) & 0xFFFF;
    }
    return merged;
  }

  private ModbusPointConfig require(String property) {
    ModbusPointConfig point = points.get(property);
    if (point == null) {
      throw new IllegalArgumentException(
          "device has no property '" + property + "'; known: " + points.keySet());
    }
    return point;
  }
}
