package io.minicloud.mapper.modbus;

import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import io.minicloud.mapper.modbus.config.RegisterType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the fewest read requests for a set of properties: per data table, properties sorted by
 * address are merged into one request while the next one starts at most {@code maxGap} items after
 * the block (bridging a small gap costs a few bytes, a second request costs a round trip and, on
 * RS-485, the bus), and while the block stays within one request's limit. Overlapping properties
 * (bit fields of one register) share their registers.
 */
final class ReadPlanner {
  private final int maxRegisters;
  private final int maxCoils;
  private final int maxGap;

  ReadPlanner(int maxRegisters, int maxCoils, int maxGap) {
    this.maxRegisters = maxRegisters;
    this.maxCoils = maxCoils;
    this.maxGap = maxGap;
  }

  /** Blocks in a stable order: coils, discrete inputs, holding, input registers; by address. */
  List<ReadBlock> plan(Collection<ModbusPointConfig> points) {
    Map<RegisterType, List<ModbusPointConfig>> byTable = new EnumMap<>(RegisterType.class);
    for (ModbusPointConfig point : points) {
      byTable.computeIfAbsent(point.register(), t -> new ArrayList<>()).add(point);
    }
    List<ReadBlock> blocks = new ArrayList<>();
    byTable.forEach((table, tablePoints) -> blocks.addAll(plan(table, tablePoints)));
    return blocks;
  }

  private List<ReadBlock> plan(RegisterType table, List<ModbusPointConfig> points) {
    List<ModbusPointConfig> sorted = new ArrayList<>(points);
    sorted.sort(
        Comparator.comparingInt(ModbusPointConfig::address)
            .thenComparingInt(ModbusPointConfig::end));
    int limit = table.bits() ? maxCoils : maxRegisters;
    List<ReadBlock> blocks = new ArrayList<>();
    List<ModbusPointConfig> current = new ArrayList<>();
    int start = 0;
    int end = 0;
    for (ModbusPointConfig point : sorted) {
      boolean fits =
          !current.isEmpty()
              && point.address() - end <= maxGap
              && Math.max(end, point.end()) - start <= limit;
      if (!fits && !current.isEmpty()) {
        blocks.add(new ReadBlock(table, start, end - start, current));
        current = new ArrayList<>();
      }
      if (current.isEmpty()) {
        start = point.address();
        end = point.end();
      }
      current.add(point);
      end = Math.max(end, point.end());
    }
    if (!current.isEmpty()) {
      blocks.add(new ReadBlock(table, start, end - start, current));
    }
    return blocks;
  }
}
