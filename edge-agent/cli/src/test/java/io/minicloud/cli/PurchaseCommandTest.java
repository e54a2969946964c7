package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.GoNodeStandIn;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code minicloud purchase} against rear-api's {@link GoNodeStandIn} (no Go node runs here). */
class PurchaseCommandTest {

  private static final String LIQO = "b1c2d3e4-0000-4000-8000-000000000001";

  /** A fragment of the wire example's kubeconfig placeholder. */
  private static final String KUBECONFIG = "base64 of kubeconfig YAML";

  private GoNodeStandIn node;

  @BeforeEach
  void start() throws IOException {
    node = GoNodeStandIn.http();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CliRun purchase(String... extra) {
    String[] args = new String[6 + extra.length];
    System.arraycopy(
        new String[] {
          "purchase", "--peer", node.url(), "--liqo-cluster-id", LIQO, GoNodeStandIn.TRANSACTION_ID
        },
        0,
        args,
        0,
        6);
    System.arraycopy(extra, 0, args, 6, extra.length);
    return CliRun.of(args);
  }

  @Test
  void printsASummaryWithoutTheKubeconfig() throws IOException {
    CliRun run = purchase();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().startsWith("contract      contract-fluidos-eu-k8slice-3fa2-1a2b\n"), run.out());
    assertTrue(
        run.out().contains("\nseller        4ahrqttvng at 172.19.0.4:30001 (fluidos.eu)\n"),
        run.out());
    assertTrue(run.out().contains("\nexpires       2026-05-18T10:00:30Z\n"), run.out());
    assertTrue(
        run.out().contains("\npeering       Liqo cluster a9b8c7d6-0000-4000-8000-000000000002\n"),
        run.out());
    assertTrue(run.out().contains("(redacted: --show-secrets prints it)"), run.out());
    assertFalse(run.out().contains(KUBECONFIG), run.out());
    assertEquals(LIQO, node.last().json().path("liqoCredentials").path("clusterID").asText());
  }

  @Test
  void jsonMasksSecretsUnlessAsked() {
    CliRun masked = purchase("--json");
    node.close();
    node = reopen();
    CliRun shown = purchase("--json", "--show-secrets");

    assertEquals(0, masked.exitCode(), masked.err());
    assertTrue(
        masked.out().contains("\"contractID\" : \"contract-fluidos-eu-k8slice-3fa2-1a2b\""),
        masked.out());
    assertFalse(masked.out().contains(KUBECONFIG), masked.out());
    assertEquals(0, shown.exitCode(), shown.err());
    assertTrue(shown.out().contains(KUBECONFIG), shown.out());
  }

  @Test
  void anExpiredTransactionIsOneLineAndExit1() {
    node.expire(GoNodeStandIn.TRANSACTION_ID);

    CliRun run = purchase();

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .endsWith(
                "minicloud purchase: transaction "
                    + GoNodeStandIn.TRANSACTION_ID
                    + " expired at "
                    + node.authority()
                    + " (408: transaction expired); reserve the flavor again and purchase before"
                    + " the expiry\n"),
        run.err());
  }

  @Test
  void aSecondPurchaseIsNotFound() {
    assertEquals(0, purchase().exitCode());

    CliRun again = purchase();

    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains(" not found at " + node.authority() + " (500: "), again.err());
  }

  private static GoNodeStandIn reopen() {
    try {
      return GoNodeStandIn.http();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
