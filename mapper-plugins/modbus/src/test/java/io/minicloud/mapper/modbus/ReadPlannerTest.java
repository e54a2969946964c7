package io.minicloud.mapper.modbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.mapper.api.ByteOrder4;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.modbus.config.ModbusPointConfig;
import io.minicloud.mapper.modbus.config.RegisterType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlannerTest {
  private final ReadPlanner planner = new ReadPlanner(125, 2000, 8);

  private static ModbusPointConfig point(String name, RegisterType table, int address, int count) {
    DataType type = table.bits() ? DataType.BOOL : count == 1 ? DataType.INT16 : DataType.STRING;
    return new ModbusPointConfig(
        name, table, address, count, type, ByteOrder4.ABCD, Transform.IDENTITY, false, false);
  }

  /** Blocks as "table address+count [names]". */
  private static List<String> describe(List<ReadBlock> blocks) {
    return blocks.stream()
        .map(
            b ->
                b.register()
                    + " "
                    + b.address()
                    + "+"
                    + b.count()
                    + " "
                    + b.points().stream().map(ModbusPointConfig::property).toList())
        .toList();
  }

  @Test
  void contiguousAndNearbyRegistersMergeIntoOneRead() {
    // GIVEN properties at 0, 1..2, 3, then 12 (a gap of 8 registers) and 22 (a gap of 9)
    List<ModbusPointConfig> points =
        List.of(
            point("e", RegisterType.HOLDING, 22, 1),
            point("a", RegisterType.HOLDING, 0, 1),
            point("b", RegisterType.HOLDING, 1, 2),
            point("c", RegisterType.HOLDING, 3, 1),
            point("d", RegisterType.HOLDING, 12, 1));
    // WHEN planned / THEN one read of 0..12 and one of 22
    assertEquals(
        List.of("HOLDING 0+13 [a, b, c, d]", "HOLDING 22+1 [e]"), describe(planner.plan(points)));
  }

  @Test
  void tablesAreNeverMixed() {
    // GIVEN the same address in all four tables
    List<ModbusPointConfig> points =
        List.of(
            point("h", RegisterType.HOLDING, 0, 1),
            point("i", RegisterType.INPUT, 0, 1),
            point("c", RegisterType.COIL, 0, 1),
            point("d", RegisterType.DISCRETE_INPUT, 0, 1));
    // WHEN planned / THEN four reads, coils first
    assertEquals(
        List.of("COIL 0+1 [c]", "DISCRETE_INPUT 0+1 [d]", "HOLDING 0+1 [h]", "INPUT 0+1 [i]"),
        describe(planner.plan(points)));
  }

  @Test
  void aRunLongerThanOneRequestIsSplitBetweenProperties() {
    // GIVEN three contiguous 60-register strings (180 registers)
    List<ModbusPointConfig> points =
        List.of(
            point("a", RegisterType.INPUT, 0, 60),
            point("b", RegisterType.INPUT, 60, 60),
            point("c", RegisterType.INPUT, 120, 60));
    // WHEN planned with the 125-register limit / THEN two reads, no property cut in two
    assertEquals(List.of("INPUT 0+120 [a, b]", "INPUT 120+60 [c]"), describe(planner.plan(points)));
    // AND a device that takes 10 registers per read gets smaller reads
    ReadPlanner small = new ReadPlanner(10, 160, 8);
    assertEquals(
        List.of("HOLDING 0+8 [x, y]", "HOLDING 8+8 [z]"),
        describe(
            small.plan(
                List.of(
                    point("x", RegisterType.HOLDING, 0, 4),
                    point("y", RegisterType.HOLDING, 4, 4),
                    point("z", RegisterType.HOLDING, 8, 8)))));
  }

  @Test
  void overlappingPropertiesShareRegistersAndGapsCanBeSwitchedOff() {
    // GIVEN two bit fields of register 5 and a property at 6
    List<ModbusPointConfig> points =
        List.of(
            point("low", RegisterType.HOLDING, 5, 1),
            point("high", RegisterType.HOLDING, 5, 1),
            point("next", RegisterType.HOLDING, 7, 1));
    // WHEN planned without gap bridging / THEN register 5 is read once, 7 apart
    assertEquals(
        List.of("HOLDING 5+1 [low, high]", "HOLDING 7+1 [next]"),
        describe(new ReadPlanner(125, 2000, 0).plan(points)));
  }

  @Test
  void coilsMergeUpToTheCoilLimit() {
    // GIVEN coils 0 and 1999, and 2000
    List<ModbusPointConfig> points =
        List.of(
            point("first", RegisterType.COIL, 0, 1),
            point("last", RegisterType.COIL, 1999, 1),
            point("beyond", RegisterType.COIL, 2000, 1));
    // WHEN planned with an unlimited gap / THEN 2000 coils in one read, the next apart
    assertEquals(
        List.of("COIL 0+2000 [first, last]", "COIL 2000+1 [beyond]"),
        describe(new ReadPlanner(125, 2000, 2000).plan(points)));
  }
}
