package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/examples/workloads/ pass the checks {@code minicloud deploy} makes. */
class WorkloadExamplesTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("workload.examples.dir"));

  private static Map<String, List<WorkloadDocument>> examples() throws IOException {
    Map<String, List<WorkloadDocument>> out = new TreeMap<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        out.put(file.getFileName().toString(), new WorkloadFile(null).read(file));
      }
    }
    return out;
  }

  private static Map<?, ?> spec(WorkloadDocument doc) {
    return WorkloadView.map(doc.body().get("spec"));
  }

  @Test
  void everyExampleIsAValidWorkloadFile() throws IOException {
    Map<String, List<WorkloadDocument>> examples = examples();

    assertEquals(
        List.of(
            "sensor-analytics-placed.yaml",
            "unikernel-httpreply.yaml",
            "vm-debian-arm64.yaml",
            "web-nginx.yaml"),
        List.copyOf(examples.keySet()));
    assertEquals(
        List.of("plant-a/sensor-analytics", "plant-a/analytics-cache"),
        examples.get("sensor-analytics-placed.yaml").stream().map(WorkloadDocument::id).toList());
  }

  @Test
  void theContainerHasAPort() throws IOException {
    WorkloadDocument web = examples().get("web-nginx.yaml").get(0);

    assertEquals("Container", web.kind());
    assertEquals(
        List.of(Map.of("name", "http", "port", 80L, "protocol", "TCP")), spec(web).get("ports"));
  }

  @Test
  void theVmIsArm64WithCloudInit() throws IOException {
    WorkloadDocument vm = examples().get("vm-debian-arm64.yaml").get(0);

    assertEquals("VirtualMachine", vm.kind());
    assertEquals(
        List.of("arm64"),
        WorkloadView.map(WorkloadView.map(spec(vm).get("placement")).get("require")).get("arch"));
    String userData = (String) WorkloadView.map(spec(vm).get("cloudInit")).get("userData");
    assertEquals("#cloud-config", userData.lines().findFirst().orElseThrow());
  }

  @Test
  void theUnikernelHasKernelArgs() throws IOException {
    WorkloadDocument uk = examples().get("unikernel-httpreply.yaml").get(0);

    assertEquals("Unikernel", uk.kind());
    Map<?, ?> kernel = WorkloadView.map(spec(uk).get("kernel"));
    assertEquals("/unikraft/bin/kernel", kernel.get("kernelPath"));
    assertEquals(true, ((String) kernel.get("args")).endsWith("-- /httpreply"));
  }

  @Test
  void thePlacedOneRequiresAndPrefers() throws IOException {
    WorkloadDocument placed = examples().get("sensor-analytics-placed.yaml").get(0);

    Map<?, ?> placement = WorkloadView.map(spec(placed).get("placement"));
    assertEquals(1L, WorkloadView.map(placement.get("require")).get("serialDevices"));
    assertEquals(
        List.of(
            Map.of("intent", "LatencyCritical", "weight", 80L),
            Map.of("intent", "EnergyEfficient", "weight", 20L)),
        placement.get("prefer"));
  }
}
