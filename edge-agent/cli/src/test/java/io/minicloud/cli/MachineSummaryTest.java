package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSummaryTest {

  @Test
  void summarizesBoardCpuMemoryAndAccelerators() {
    String json =
        """
        {"node":"gw-1","board":{"model":"Raspberry Pi 5 Model B Rev 1.0"},
         "cpu":{"model":"Cortex-A76","cores":4,"architecture":"aarch64",
                "kvm":{"present":true,"usable":true}},
         "memory":{"totalBytes":8589934592,"availableBytes":4294967296},
         "accelerators":[{"kind":"NPU","driver":"hailo_pci"},{"kind":"GPU","driver":"v3d"}],
         "devices":{"serialPorts":[{"device":"/dev/ttyACM0"}]},
         "warnings":[]}
        """;

    List<String> lines = MachineSummary.describe(json);

    assertEquals("  this machine: Raspberry Pi 5 Model B Rev 1.0 (gw-1)", lines.get(0));
    assertEquals("    cpu: Cortex-A76 x4, aarch64, KVM usable", lines.get(1));
    assertEquals("    memory: 8.0 GiB total, 4.0 GiB available", lines.get(2));
    assertEquals(
        "    accelerators: npu hailo_pci, gpu v3d; serial devices: 1; warnings: 0", lines.get(3));
  }

  @Test
  void unknownFactsPrintAsQuestionMarks() {
    List<String> lines = MachineSummary.describe("{\"cpu\":{\"kvm\":null}}");

    assertEquals("  this machine: ? (?)", lines.get(0));
    assertEquals("    cpu: ? x?, ?, KVM not usable", lines.get(1));
    assertEquals("    memory: ? total, ? available", lines.get(2));
  }

  @Test
  void malformedOrTruncatedAnswersGiveOneClearLine() {
    assertTrue(MachineSummary.describe("{\"cpu\": {").get(0).contains("malformed JSON"));
    assertTrue(MachineSummary.describe("[1,2]").get(0).contains("not an object"));
    assertEquals(1, MachineSummary.describe("\u0000\u00ff garbage").size());
  }
}
