package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The workloads table and the ages in it, from the VIM's JSON, with a fixed clock. */
class WorkloadTableTest {

  private static Map<String, Object> workload(String name, String created, Object status) {
    return Map.of(
        "metadata", Map.of("name", name, "namespace", "default", "creationTimestamp", created),
        "spec", Map.of("kind", "Unikernel"),
        "status", status);
  }

  @Test
  void rowsShowPhaseReadyNodesAndAge() {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    Map<String, Object> listing =
        Map.of(
            "mode",
            "cluster",
            "items",
            List.of(
                workload(
                    "a",
                    "2026-11-23T11:59:15Z",
                    Map.of(
                        "phase", "Running",
                        "nodes", List.of("gw1", "gw2"),
                        "conditions", List.of(Map.of("type", "Ready", "status", "True")))),
                workload("bb", "2026-11-20T08:00:00Z", Map.of("phase", "Unschedulable"))));

    String table = WorkloadTable.render(listing, now);

    assertEquals(
        """
        mode: cluster
        NAME  NAMESPACE  KIND       PHASE          READY  NODES    AGE
        a     default    Unikernel  Running        True   gw1,gw2  45s
        bb    default    Unikernel  Unschedulable  -      -        3d
        """,
        table);
  }

  @Test
  void anEmptyDetachedListSaysSo() {
    assertEquals(
        "mode: detached (no Kubernetes cluster: nothing applied)\nno workloads\n",
        WorkloadTable.render(Map.of("mode", "detached", "items", List.of()), Instant.now()));
  }

  @Test
  void detachedIsReadFromThePhaseOrTheAppliedCondition() {
    Map<String, Object> unschedulable =
        Map.of(
            "phase",
            "Unschedulable",
            "conditions",
            List.of(
                Map.of("type", "Placed", "status", "False", "reason", "Unschedulable"),
                Map.of("type", "Applied", "status", "False", "reason", "Detached")));

    assertEquals(
        true, new WorkloadView(workload("a", "x", Map.of("phase", "Detached"))).detached());
    assertEquals(true, new WorkloadView(workload("a", "x", unschedulable)).detached());
    assertEquals(
        false, new WorkloadView(workload("a", "x", Map.of("phase", "Running"))).detached());
  }

  @Test
  void agesReadLikeKubectl() {
    Instant created = Instant.parse("2026-11-23T00:00:00Z");
    WorkloadView w = new WorkloadView(workload("a", created.toString(), Map.of()));

    assertEquals("119s", w.age(created.plusSeconds(119)));
    assertEquals("90m", w.age(created.plusSeconds(90 * 60)));
    assertEquals("47h", w.age(created.plusSeconds(47 * 3600)));
    assertEquals("2d", w.age(created.plusSeconds(48 * 3600)));
    assertEquals("-", new WorkloadView(Map.of()).age(created));
  }
}
