package io.minicloud.charagent.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.charagent.Samples;
import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.Characterization;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeLabelsTest {

  @Test
  void aPi4WithACoralGetsItsPlacementLabels() {
    NodeLabels labels = NodeLabels.from(Samples.pi4());

    var l = labels.labels();
    assertEquals("aarch64", l.get(NodeLabels.ARCH));
    assertEquals("Raspberry-Pi-4-Model-B-Rev-1.4", l.get(NodeLabels.BOARD));
    assertEquals("Cortex-A72", l.get(NodeLabels.CPU_MODEL));
    assertEquals("4", l.get(NodeLabels.CPU_CORES));
    assertEquals("3793Mi", l.get(NodeLabels.MEMORY));
    assertEquals("3793", l.get(NodeLabels.MEMORY_MIB));
    assertEquals("4Ki", l.get(NodeLabels.PAGE_SIZE));
    assertEquals("true", l.get(NodeLabels.KVM));
    assertEquals("true", l.get(NodeLabels.VIRTUALIZATION));
    assertEquals("v3d", l.get(NodeLabels.GPU));
    assertEquals("tpu-coral", l.get(NodeLabels.ACCELERATOR));
    assertEquals("2", l.get(NodeLabels.SERIAL_DEVICES));
    assertEquals("debian-12", l.get(NodeLabels.OS));
    assertEquals("IT", l.get(NodeLabels.COUNTRY));
    assertEquals("Torino", l.get(NodeLabels.CITY));
    assertTrue(NodeLabels.OWNED_KEYS.containsAll(l.keySet()));
  }

  @Test
  void nothingKnownGivesNoneUnknownAndFalseNotMissingKeys() {
    var l = NodeLabels.from(Samples.unknown()).labels();

    assertEquals("unknown", l.get(NodeLabels.ARCH));
    assertEquals("none", l.get(NodeLabels.GPU));
    assertEquals("none", l.get(NodeLabels.ACCELERATOR));
    assertEquals("false", l.get(NodeLabels.KVM));
    assertEquals("0", l.get(NodeLabels.SERIAL_DEVICES));
    assertEquals("unknown", l.get(NodeLabels.PAGE_SIZE));
    assertTrue(!l.containsKey(NodeLabels.COUNTRY) && !l.containsKey(NodeLabels.OS));
  }

  @Test
  void everyValueIsAValidLabelValueEvenFromHostileStrings() {
    for (Characterization c : List.of(Samples.pi4(), Samples.unknown(), Samples.hostile())) {
      NodeLabels.from(c)
          .labels()
          .forEach(
              (key, value) ->
                  assertTrue(NodeLabels.isValidValue(value), key + "='" + value + "' is invalid"));
    }
    for (String hostile : Samples.HOSTILE) {
      String v = NodeLabels.value(hostile);
      assertTrue(NodeLabels.isValidValue(v), () -> "'" + v + "' from '" + hostile + "'");
    }
  }

  @Test
  void sanitizingKeepsWhatIsValidAndTrimsTheRest() {
    assertEquals(
        "Raspberry-Pi-4-Model-B-rev-1.4",
        NodeLabels.value("Raspberry Pi 4: \"Model B\" # rev 1.4"));
    assertEquals(
        "Intel-R-Core-TM-i5-8259U-CPU-2.30GHz",
        NodeLabels.value("Intel(R) Core(TM) i5-8259U CPU @ 2.30GHz"));
    assertEquals("unknown", NodeLabels.value("  ## ''  "));
    assertEquals("unknown", NodeLabels.value(null));
    assertEquals(63, NodeLabels.value("a".repeat(100)).length());
    assertEquals("a", NodeLabels.value("a" + "-".repeat(70) + "b"));
  }

  @Test
  void pageSizesAreKubernetesQuantities() {
    assertEquals("4Ki", NodeLabels.pageSize(4096L));
    assertEquals("16Ki", NodeLabels.pageSize(16384L));
    assertEquals("64Ki", NodeLabels.pageSize(65536L));
    assertEquals("2Mi", NodeLabels.pageSize(2L << 20));
    assertEquals("unknown", NodeLabels.pageSize(null));
  }

  @Test
  void acceleratorFamiliesAreNamed() {
    assertEquals("npu-hailo", NodeLabels.accelerator(List.of(npu("hailo0", "hailo_pci"))));
    assertEquals("npu-rockchip", NodeLabels.accelerator(List.of(npu("rknpu", "rknpu"))));
    assertEquals("npu-mystery_npu", NodeLabels.accelerator(List.of(npu("x", "mystery_npu"))));
    assertEquals(
        "none",
        NodeLabels.accelerator(
            List.of(new Accelerator(Accelerator.Kind.GPU, "card0", "i915", "Intel", List.of()))));
  }

  @Test
  void theSummaryIsBoundedJson() throws Exception {
    String summary = NodeLabels.from(Samples.hostile()).annotations().get(NodeLabels.SUMMARY);

    JsonNode json = new ObjectMapper().readTree(summary);
    assertEquals(NodeLabels.MAX_SUMMARY_ENTRIES, json.get("accelerators").size());
    assertTrue(summary.length() < 64 * 1024, "summary is " + summary.length() + " chars");
  }

  @Test
  void theSummaryIsStableAcrossRuns() {
    // Two characterizations of the same machine differ in time: the annotations must not.
    var later =
        new Characterization(
            Samples.pi4().schemaVersion(),
            Samples.pi4().node(),
            Samples.pi4().collectedAt().plusSeconds(30),
            Samples.pi4().board(),
            Samples.pi4().cpu(),
            Samples.pi4().memory(),
            Samples.pi4().storage(),
            Samples.pi4().accelerators(),
            Samples.pi4().network(),
            Samples.pi4().devices(),
            Samples.pi4().power(),
            Samples.pi4().software(),
            Samples.pi4().location(),
            List.of());
    assertEquals(NodeLabels.from(Samples.pi4()), NodeLabels.from(later));
  }

  private static Accelerator npu(String name, String driver) {
    return new Accelerator(Accelerator.Kind.NPU, name, driver, "x", List.of("/dev/" + name));
  }
}
