package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.charagent.model.Memory;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memory probe over the captured trees in src/test/resources/trees. */
class MemoryProbeTest {
  private final Warnings warnings = new Warnings();

  private Memory probe(String board) {
    return new MemoryProbe(new HostFiles(HostTree.CAPTURED.resolve(board), warnings)).probe();
  }

  @Test
  void raspberryPi4WithTheBookwormSwapFile() {
    Memory memory = probe("rpi4b-bookworm64");

    assertEquals(3884332L * 1024, memory.totalBytes());
    assertEquals(3297360L * 1024, memory.availableBytes());
    assertEquals(102396L * 1024, memory.swapTotalBytes());
    assertEquals(102396L * 1024, memory.swapFreeBytes());
    assertEquals(List.of(), memory.zram());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5WithZramSwap() {
    Memory memory = probe("rpi5");

    assertEquals(8245408L * 1024, memory.totalBytes());
    assertEquals(List.of(new Memory.Zram("zram0", 2L << 30, "zstd")), memory.zram());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetsonWithOneZramDevicePerCore() {
    Memory memory = probe("jetson-orin-nano");

    assertEquals(7620180L * 1024, memory.totalBytes());
    assertEquals(6, memory.zram().size());
    assertEquals(new Memory.Zram("zram5", 650255360L, "lzo-rle"), memory.zram().get(5));
    assertEquals(3810066L * 1024, memory.swapTotalBytes());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void otherBoards() {
    assertEquals(945364L * 1024, probe("rpi3bplus-armv7l").totalBytes());
    Memory miniPc = probe("x86-minipc");
    assertEquals(16127220L * 1024, miniPc.totalBytes());
    assertEquals(999420L * 1024, miniPc.swapTotalBytes());
    assertEquals(Collections.emptyList(), warnings.list());
  }
}
