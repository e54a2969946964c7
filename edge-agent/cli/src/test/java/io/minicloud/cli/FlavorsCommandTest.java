package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.GoNodeStandIn;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code minicloud flavors} against rear-api's {@link GoNodeStandIn} (no Go node runs here). */
class FlavorsCommandTest {

  private GoNodeStandIn node;

  @BeforeEach
  void start() throws IOException {
    node = GoNodeStandIn.http();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void helpDocumentsOptionsAndExitCodes() {
    CliRun run = CliRun.of("flavors", "--help");

    assertEquals(0, run.exitCode(), run.err());
    for (String text :
        new String[] {
          "--peer", "--type", "--filter", "--json", "--pin", "--ca-file", "Exit codes"
        }) {
      assertTrue(run.out().contains(text), text + " missing from:\n" + run.out());
    }
    String top = CliRun.of("--help").out();
    assertTrue(top.contains("flavors") && top.contains("reserve") && top.contains("purchase"), top);
  }

  @Test
  void printsATableAndWarnsAboutPlainHttp() {
    CliRun run = CliRun.of("flavors", "--peer", node.url());

    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals(3, lines.length, run.out());
    assertTrue(
        lines[0].matches("ID +TYPE +CPU +MEMORY +PODS +STORAGE/GPU +OWNER +AVAILABLE"), lines[0]);
    assertTrue(
        lines[1].matches(
            "fluidos.eu-k8slice-3fa2 +k8slice +7485m +15838384Ki +110 +95Gi +4ahrqttvng"
                + " \\(172.19.0.4:30001\\) +yes"),
        lines[1]);
    assertTrue(
        lines[2].matches("fluidos.eu-service-9c1d +service +- +- +- +service mysql +.*"), lines[2]);
    assertEquals(
        "minicloud flavors: warning: plain HTTP to "
            + node.authority()
            + ": nothing is encrypted and the provider is not authenticated\n",
        run.err());
  }

  @Test
  void friendlyFiltersBecomeTheNodesRawKeys() {
    CliRun run =
        CliRun.of(
            "flavors",
            "--peer",
            node.url(),
            "--type",
            "k8slice",
            "--filter",
            "cpu>=2",
            "--filter",
            "memory<=32Gi",
            "--filter",
            "architecture=amd64",
            "--filter",
            "filter[pods][range][min]=10");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("/api/v2/flavors/k8slice", node.last().rawPath());
    assertEquals(
        "filter[architecture][match]=amd64&filter[cpu][range][min]=2"
            + "&filter[memory][range][max]=32Gi&filter[pods][range][min]=10",
        node.last().rawQuery());
  }

  @Test
  void jsonPrintsTheWireShape() {
    CliRun run = CliRun.of("flavors", "--peer", node.url(), "--json");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("["), run.out());
    assertTrue(run.out().contains("\"flavorID\" : \"fluidos.eu-k8slice-3fa2\""), run.out());
  }

  @Test
  void noFlavorsIsNotAnError() {
    node.mode = GoNodeStandIn.Mode.EMPTY;

    CliRun run = CliRun.of("flavors", "--peer", node.url());

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("no flavors at " + node.authority() + "\n", run.out());
  }

  @Test
  void aProviderNotReadyIsOneLineAndExit1() {
    node.mode = GoNodeStandIn.Mode.NOT_READY;

    CliRun run = CliRun.of("flavors", "--insecure-plain-http", "--peer", node.authority());

    assertEquals(1, run.exitCode());
    String[] lines = run.err().split("\n");
    assertEquals(2, lines.length, run.err());
    assertEquals(
        "minicloud flavors: "
            + node.authority()
            + " is not ready (503): the provider's Liqo is not ready yet; retry later",
        lines[1]);
  }

  @Test
  void usageErrorsExit2BeforeAnyRequest() {
    CliRun noType = CliRun.of("flavors", "--peer", node.url(), "--filter", "cpu>=2");
    CliRun badTerm =
        CliRun.of("flavors", "--peer", node.url(), "--type", "k8slice", "--filter", "cpu~2");
    CliRun badKey =
        CliRun.of("flavors", "--peer", node.url(), "--type", "service", "--filter", "cpu>=2");
    CliRun badType = CliRun.of("flavors", "--peer", node.url(), "--type", "vms");
    CliRun noPeer = CliRun.of("flavors");

    assertEquals(2, noType.exitCode());
    assertTrue(noType.err().contains("--filter needs --type"), noType.err());
    assertEquals(2, badTerm.exitCode());
    assertTrue(badTerm.err().contains("is not attr>=q"), badTerm.err());
    assertEquals(2, badKey.exitCode());
    assertTrue(badKey.err().contains("no attribute 'cpu' for service flavors"), badKey.err());
    assertEquals(2, badType.exitCode());
    assertEquals(2, noPeer.exitCode());
    assertTrue(node.received.isEmpty());
  }
}
