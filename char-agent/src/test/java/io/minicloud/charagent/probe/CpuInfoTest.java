package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuInfoTest {

  @Test
  void splitsProcessorBlocksFromTheBoardLinesAfterThem() {
    CpuInfo info =
        CpuInfo.parse(
            List.of(
                "processor\t: 0",
                "CPU part\t: 0xd08",
                "",
                "processor\t: 1",
                "CPU part\t: 0xd08",
                "",
                "Hardware\t: BCM2835",
                "Revision\t: c03114"));

    assertEquals(List.of(0, 1), info.processors().stream().map(CpuInfo.Processor::index).toList());
    assertEquals(Optional.of("0xd08"), info.processors().get(1).get("CPU part"));
    assertEquals(Optional.of("c03114"), info.boardField("Revision"));
    assertEquals(Optional.empty(), info.boardField("CPU part"));
    assertEquals(0, info.malformed());
  }

  @Test
  void countsALineCutBeforeItsColonAndKeepsTheRest() {
    // GIVEN a capture cut in the middle of the second block
    CpuInfo info =
        CpuInfo.parse(
            List.of("processor\t: 0", "CPU part\t: 0xd08", "", "processor\t: 1", "CPU par"));

    assertEquals(2, info.processors().size());
    assertEquals(1, info.malformed());
    assertEquals("CPU par", info.firstMalformed());
    assertEquals(Optional.empty(), info.processors().get(1).get("CPU part"));
  }

  @Test
  void aBlockWithoutANumberIsSkippedWithItsLines() {
    CpuInfo info =
        CpuInfo.parse(List.of("processor\t: x", "CPU part\t: 0xd08", "", "Revision : 1"));

    assertEquals(List.of(), info.processors());
    assertEquals(1, info.malformed());
    assertEquals(Optional.empty(), info.boardField("CPU part"));
    assertEquals(Optional.of("1"), info.boardField("Revision"));
  }

  @Test
  void anEmptyValueIsAbsent() {
    CpuInfo info = CpuInfo.parse(List.of("processor : 0", "power management:"));

    assertEquals(Optional.empty(), info.first("power management"));
    assertEquals(0, info.malformed());
  }
}
