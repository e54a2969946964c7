package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code minicloud deploy} against {@link VimStandIn}, a stand-in for minicloud-vim's REST API
 * (built concurrently): created, updated, invalid, detached, refused connections, several
 * documents, and hostile files that must never reach the VIM.
 */
class DeployCommandTest {

  @TempDir Path dir;
  private VimStandIn vim;

  @AfterEach
  void stop() {
    if (vim != null) {
      vim.close();
    }
  }

  private Path file(String text) throws IOException {
    return Files.writeString(dir.resolve("app.yaml"), text);
  }

  private CliRun deploy(Path file, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "deploy";
    args[1] = file.toString();
    args[2] = "--vim=" + vim.url();
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.of(args);
  }

  @Test
  void helpDocumentsOptionsAndExitCodes() {
    CliRun run = CliRun.of("deploy", "--help");

    assertEquals(0, run.exitCode(), run.err());
    for (String text :
        List.of(
            "--vim",
            "--dry-run",
            "--show-manifests",
            "--json",
            "--namespace",
            "Exit codes",
            "not running",
            "http://127.0.0.1:9103",
            "detached")) {
      assertTrue(run.out().contains(text), text + " missing from:\n" + run.out());
    }
    String top = CliRun.of("--help").out();
    assertTrue(
        top.contains("deploy") && top.contains("workloads") && top.contains("workload"), top);
  }

  @Test
  void aNewWorkloadIsCreatedAndItsPlacementExplained() throws IOException {
    // GIVEN a VIM with a cluster
    vim = new VimStandIn(false);

    // WHEN a workload file is deployed
    CliRun run = deploy(file(WorkloadFileTest.WEB));

    // THEN it was POSTed as JSON, and the phase and the placement explanation are printed
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of("POST /api/v1/workloads"), vim.requests);
    assertEquals(List.of("application/json"), vim.contentTypes);
    Map<?, ?> sent = (Map<?, ?>) Json.parse(vim.bodies.get(0));
    assertEquals("default", WorkloadView.map(sent.get("metadata")).get("namespace"));
    assertEquals(
        """
        created default/web (Container): phase Pending, on gw1
          placement:  2 of 3 nodes qualify; gw1 is preferred (score 80)
          eligible:   gw1 (score 80), gw2 (score 30)
          excluded:
            gw3: arch: node is amd64, not arm64; kvm: node has no KVM
        """,
        run.out());
    assertEquals("", run.err());
  }

  @Test
  void anExistingWorkloadIsUpdated() throws IOException {
    vim = new VimStandIn(false);
    vim.put("default", "web", "Container");

    CliRun run = deploy(file(WorkloadFileTest.WEB));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("POST /api/v1/workloads", "PUT /api/v1/workloads/default/web"), vim.requests);
    assertTrue(run.out().startsWith("updated default/web (Container): phase Pending"), run.out());
  }

  @Test
  void detachedSaysNothingWasAppliedAndOffersTheManifests() throws IOException {
    vim = new VimStandIn(true);

    CliRun run = deploy(file(WorkloadFileTest.WEB));

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out()
            .startsWith(
                DeployReport.DETACHED
                    + "\n"
                    + "created default/web (Container): phase Detached, would run on gw1\n"),
        run.out());
    assertTrue(run.out().contains("add --show-manifests"), run.out());
  }

  @Test
  void showManifestsPrintsWhatWouldBeApplied() throws IOException {
    vim = new VimStandIn(true);

    CliRun run = deploy(file(WorkloadFileTest.WEB), "--show-manifests");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("POST /api/v1/workloads", "GET /api/v1/workloads/default/web/manifests"),
        vim.requests);
    assertTrue(
        run.out()
            .contains(
                "# default/web: the objects minicloud-vim would apply (detached: nothing applied)\n"
                    + "---\n"),
        run.out());
    assertTrue(run.out().contains("kind: Deployment\n"), run.out());
    assertTrue(!run.out().contains("add --show-manifests"), run.out());
  }

  @Test
  void anInvalidWorkloadPrintsTheProblemsAndTheOthersStillGo() throws IOException {
    // GIVEN a file whose first document the VIM refuses and whose second it accepts
    vim = new VimStandIn(false);
    String bad =
        WorkloadFileTest.WEB.replace("  image: nginx\n", "").replace("name: web", "name: bad");

    // WHEN it is deployed
    CliRun run = deploy(file(bad + "---\n" + WorkloadFileTest.WEB));

    // THEN exit 1, the VIM's error and problems on stderr, the second document created
    assertEquals(1, run.exitCode());
    assertEquals(
        "minicloud deploy: "
            + dir.resolve("app.yaml")
            + ", document 1 (default/bad):"
            + " minicloud-vim refused it (400): the workload is invalid\n"
            + "  - spec.image: required for a Container\n",
        run.err());
    assertTrue(run.out().startsWith("created default/web"), run.out());
    assertEquals(2, vim.requests.size());
  }

  @Test
  void whenEveryDocumentIsRefusedStdoutStaysEmpty() throws IOException {
    vim = new VimStandIn(false);

    CliRun run = deploy(file(WorkloadFileTest.WEB.replace("  image: nginx\n", "")));

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().endsWith("  - spec.image: required for a Container\n"), run.err());
  }

  @Test
  void severalDocumentsAndFilesGoInOrder() throws IOException {
    vim = new VimStandIn(false);
    Path second =
        Files.writeString(
            dir.resolve("db.yaml"), WorkloadFileTest.WEB.replace("name: web", "name: db"));
    String two =
        WorkloadFileTest.WEB + "---\n" + WorkloadFileTest.WEB.replace("name: web", "name: api");

    CliRun run = deploy(file(two), second.toString(), "--namespace", "lab");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        List.of("created lab/web", "created lab/api", "created lab/db"),
        run.out()
            .lines()
            .filter(l -> l.startsWith("created"))
            .map(l -> l.substring(0, l.indexOf(" (")))
            .toList());
  }

  @Test
  void jsonHasOneResultPerDocument() throws IOException {
    vim = new VimStandIn(true);
    vim.put("default", "web", "Container");

    CliRun run = deploy(file(WorkloadFileTest.WEB), "--json");

    assertEquals(0, run.exitCode(), run.err());
    Map<?, ?> json = (Map<?, ?>) Json.parse(run.out());
    assertEquals("detached", json.get("mode"));
    Map<?, ?> result = (Map<?, ?>) ((List<?>) json.get("results")).get(0);
    assertEquals("updated", result.get("result"));
    assertEquals(1L, result.get("document"));
    assertEquals("Detached", new WorkloadView(result.get("workload")).phase());
  }

  @Test
  void dryRunSendsNothing() throws IOException {
    vim = new VimStandIn(false);

    CliRun run = deploy(file(WorkloadFileTest.WEB), "--dry-run");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(), vim.requests);
    assertTrue(
        run.out().startsWith("dry run: the file is valid here; nothing was sent"), run.out());
    assertTrue(run.out().contains("valid default/web (Container): "), run.out());
  }

  @Test
  void noVimSaysHowToStartIt() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CliRun run =
        CliRun.of(
            "deploy", file(WorkloadFileTest.WEB).toString(), "--vim", "http://127.0.0.1:" + port);

    assertEquals(3, run.exitCode());
    assertEquals(
        "minicloud deploy: minicloud-vim is not running on 127.0.0.1:"
            + port
            + ": start it with `./minicloud demo` or `systemctl start minicloud-vim`\n",
        run.err());
  }

  @Test
  void hostileFilesNeverReachTheVim() throws IOException {
    vim = new VimStandIn(false);
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'l'; c++) {
      bomb.append(c)
          .append(": &")
          .append(c)
          .append(" [*")
          .append((char) (c - 1))
          .append(", *")
          .append((char) (c - 1))
          .append("]\n");
    }
    List<String> hostile =
        List.of(
            bomb.toString(),
            "spec: " + "{a: ".repeat(1000) + "1" + "}".repeat(1000) + "\n",
            WorkloadFileTest.WEB + "#" + "x".repeat(WorkloadFile.MAX_BYTES),
            "kind: Workload\n\0\0binary",
            "{ not: yaml: at all");

    for (String text : hostile) {
      // a valid document first: nothing may be sent when any document is refused
      CliRun run = deploy(file(WorkloadFileTest.WEB + "---\n" + text));

      assertEquals(2, run.exitCode(), run.err());
      assertTrue(run.err().startsWith("minicloud deploy: " + dir.resolve("app.yaml")), run.err());
    }
    assertEquals(List.of(), vim.requests);
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun run = CliRun.of("deploy", dir.resolve("nope.yaml").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("minicloud deploy: cannot read "), run.err());
  }
}
