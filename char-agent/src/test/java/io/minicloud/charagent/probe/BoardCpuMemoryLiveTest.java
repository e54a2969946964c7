package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Cpu;
import io.minicloud.charagent.model.Memory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The probes on the machine running the build (root "/"): only what is certain everywhere. */
class BoardCpuMemoryLiveTest {

  @Test
  void characterizesThisMachine() {
    assumeTrue(System.getProperty("os.name").equals("Linux"), "reads /proc and /sys");
    Warnings warnings = new Warnings();
    HostFiles files = new HostFiles(Path.of("/"), warnings);

    Board board = new BoardProbe(files).probe();
    Cpu cpu = new CpuProbe(files).probe();
    Memory memory = new MemoryProbe(files).probe();

    assertNotNull(board.source());
    String arch = System.getProperty("os.arch");
    if (arch.equals("amd64")) {
      assertEquals("x86_64", cpu.architecture());
      assertEquals(64, cpu.bits());
      assertNull(cpu.gicVersion());
    }
    assertEquals(Runtime.getRuntime().availableProcessors(), cpu.cores());
    assertNotNull(cpu.pageSizeBytes());
    assertTrue(memory.totalBytes() > 0);
    assertTrue(memory.availableBytes() <= memory.totalBytes());
  }
}
