package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code minicloud workloads} and {@code minicloud workload ...} against {@link VimStandIn}, a
 * stand-in for minicloud-vim's REST API (built concurrently).
 */
class WorkloadCommandsTest {

  private VimStandIn vim;

  @AfterEach
  void stop() {
    if (vim != null) {
      vim.close();
    }
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--vim=" + vim.url();
    return CliRun.of(all);
  }

  @Test
  void helpListsTheSubcommandsAndExitCodes() {
    String help = CliRun.of("workload", "--help").out();
    for (String sub :
        List.of("show", "start", "stop", "restart", "delete", "console", "manifests")) {
      assertTrue(help.contains(sub), sub + " missing from:\n" + help);
    }
    String stop = CliRun.of("workload", "stop", "--help").out();
    assertTrue(stop.contains("Exit codes") && stop.contains("409: detached"), stop);
    assertTrue(CliRun.of("workloads", "--help").out().contains("mode: detached"));
  }

  @Test
  void workloadsInDetachedModeSayNothingWasApplied() throws IOException {
    // GIVEN a detached VIM with two workloads
    vim = new VimStandIn(true);
    vim.put("default", "web", "Container");
    vim.put("lab", "debian-vm", "VirtualMachine");

    // WHEN they are listed
    CliRun run = run("workloads");

    // THEN the mode line, then the table
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("mode: detached (no Kubernetes cluster: nothing applied)", lines.get(0));
    assertEquals(
        List.of("NAME", "NAMESPACE", "KIND", "PHASE", "READY", "NODES", "AGE"),
        List.of(lines.get(1).split("\\s+")));
    assertEquals(
        List.of("debian-vm", "lab", "VirtualMachine", "Detached", "False", "gw1"),
        List.of(lines.get(3).split("\\s+")).subList(0, 6));
    assertEquals(4, lines.size());
  }

  @Test
  void workloadsOfOneNamespaceAsJson() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "web", "Container");
    vim.put("lab", "api", "Container");

    CliRun run = run("workloads", "--namespace", "lab", "--json");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("GET /api/v1/workloads?namespace=lab"), vim.requests);
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals("cluster", json.get("mode"));
    assertEquals(
        List.of("lab/api"),
        ((List<?>) json.get("items")).stream().map(w -> new WorkloadView(w).id()).toList());
  }

  @Test
  void showPrintsStatusPlacementAndConditions() throws IOException {
    vim = new VimStandIn(true);
    vim.put("default", "web", "Container");

    CliRun run = run("workload", "show", "web");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .startsWith(
                "workload:   default/web\nkind:       Container\n" + "phase:      Detached\n"),
        run.out());
    assertTrue(run.out().contains("would run:  gw1\n"), run.out());
    assertTrue(
        run.out()
            .contains("excluded:\n  gw3: arch: node is amd64, not arm64; kvm: node has no KVM\n"),
        run.out());
    assertTrue(
        run.out()
            .contains(
                "conditions:\n  TYPE   STATUS  REASON    MESSAGE\n"
                    + "  Ready  False   Detached  no Kubernetes cluster: nothing applied\n"),
        run.out());
  }

  @Test
  void anUnknownWorkloadIsA404WithTheVimsError() throws IOException {
    vim = new VimStandIn(false);

    CliRun run = run("workload", "show", "ghost", "-n", "lab");

    assertEquals(1, run.exitCode());
    assertEquals(
        "minicloud workload show: workload lab/ghost: minicloud-vim at "
            + vim.url().substring(7)
            + " answered 404: no workload lab/ghost\n",
        run.err());
  }

  @Test
  void stopStartRestartAreAccepted() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "debian-vm", "VirtualMachine");

    for (String action : List.of("stop", "start", "restart")) {
      CliRun run = run("workload", action, "debian-vm");

      assertEquals(0, run.exitCode(), run.err());
      assertEquals(action + " requested for default/debian-vm\n", run.out());
    }
    assertEquals(
        List.of(
            "POST /api/v1/workloads/default/debian-vm/stop",
            "POST /api/v1/workloads/default/debian-vm/start",
            "POST /api/v1/workloads/default/debian-vm/restart"),
        vim.requests);
  }

  @Test
  void stopInDetachedModeIsRefused() throws IOException {
    vim = new VimStandIn(true);
    vim.put("default", "web", "Container");

    CliRun run = run("workload", "stop", "web");

    assertEquals(1, run.exitCode());
    assertTrue(run.err().endsWith("answered 409: detached: no cluster, nothing runs\n"), run.err());
  }

  @Test
  void deleteRemovesAndASecondDeleteIsNotFound() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "web", "Container");

    CliRun first = run("workload", "delete", "web");
    CliRun second = run("workload", "delete", "web");

    assertEquals(0, first.exitCode(), first.err());
    assertEquals("deleted default/web\n", first.out());
    assertEquals(1, second.exitCode());
    assertTrue(second.err().contains("answered 404: no workload default/web"), second.err());
  }

  @Test
  void consolePrintsTheUrlOfAVmAndRefusesAContainer() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "debian-vm", "VirtualMachine");
    vim.put("default", "web", "Container");

    CliRun vm = run("workload", "console", "debian-vm");
    CliRun container = run("workload", "console", "web");

    assertEquals(0, vm.exitCode(), vm.err());
    assertEquals(
        "wss://10.0.0.1:6443/apis/subresources.kubevirt.io/v1/namespaces/default/"
            + "virtualmachineinstances/debian-vm/console\n",
        vm.out());
    assertEquals(1, container.exitCode());
    assertTrue(
        container.err().contains("409: a Container has no console: kubectl logs"), container.err());
  }

  @Test
  void manifestsArePrintedAsYaml() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "debian-vm", "VirtualMachine");

    CliRun run = run("workload", "manifests", "debian-vm");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().startsWith("# default/debian-vm: the objects minicloud-vim applied\n---\n"),
        run.out());
    assertTrue(run.out().contains("kind: VirtualMachine\n"), run.out());
  }

  @Test
  void badNamesAreUsageErrorsAndNothingIsSent() throws IOException {
    vim = new VimStandIn(false);

    CliRun name = run("workload", "stop", "../etc");
    CliRun ns = run("workloads", "--namespace", "A B");

    assertEquals(2, name.exitCode());
    assertTrue(
        name.err().startsWith("minicloud workload stop: NAME '../etc' is not a DNS-1123 label"),
        name.err());
    assertEquals(2, ns.exitCode());
    assertEquals(List.of(), vim.requests);
  }

  @Test
  void aVimThatNeverAnswersIsExit3() throws IOException {
    // GIVEN something that accepts connections and never answers
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String url = "http://127.0.0.1:" + silent.getLocalPort();

      // WHEN a command waits 300 ms for it
      CliRun run = CliRun.of("workload", "show", "web", "--vim", url, "--timeout-ms", "300");

      // THEN exit 3, saying how long it waited
      assertEquals(3, run.exitCode());
      assertEquals(
          "minicloud workload show: minicloud-vim at 127.0.0.1:"
              + silent.getLocalPort()
              + " did not answer within 300 ms\n",
          run.err());
    }
  }

  @Test
  void noVimIsExit3() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CliRun run = CliRun.of("workloads", "--vim", "http://127.0.0.1:" + port);

    assertEquals(3, run.exitCode());
    assertTrue(run.err().contains("minicloud-vim is not running on 127.0.0.1:" + port), run.err());
  }
}
