package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.client.GoNodeStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code minicloud reserve} against rear-api's {@link GoNodeStandIn} (no Go node runs here). */
class ReserveCommandTest {

  private static final String FLAVOR = "fluidos.eu-k8slice-3fa2";

  @TempDir Path home;
  private GoNodeStandIn node;

  @BeforeEach
  void start() throws IOException {
    node = GoNodeStandIn.http();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private CliRun reserve(String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "reserve";
    args[1] = "--peer";
    args[2] = node.url();
    args[3] = "--liqo-cluster-id-file";
    args[4] = home.resolve("liqo-cluster-id").toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return CliRun.of(args);
  }

  @Test
  void printsTheTransactionAndItsExpiry() throws IOException {
    CliRun run = reserve(FLAVOR, "--cpu", "1", "--memory", "1Gi", "--pods", "10");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(
        "transaction  "
            + GoNodeStandIn.TRANSACTION_ID
            + "\nflavor       "
            + FLAVOR
            + "\nexpires      2025-05-18T11:00:00Z\npurchase it: minicloud purchase --peer "
            + node.url()
            + " "
            + GoNodeStandIn.TRANSACTION_ID
            + "\n",
        run.out());
    JsonNode body = node.last().json();
    assertEquals("1Gi", body.path("configuration").path("data").path("memory").asText());
    assertEquals("k8slice", body.path("configuration").path("type").asText());
  }

  @Test
  void jsonPrintsTheWholeTransactionWithSecretsMasked() {
    // GIVEN the node's transaction, which echoes the buyer's kubeconfig placeholder
    CliRun run = reserve(FLAVOR, "--json");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().contains("\"transactionID\" : \"" + GoNodeStandIn.TRANSACTION_ID), run.out());
    assertTrue(
        run.out().contains("\"kubeconfig\" : \"(redacted: --show-secrets prints it)\""), run.out());
    assertFalse(run.out().contains("echoed back as received"), run.out());
  }

  @Test
  void theLiqoClusterIdIsMadeOnceAndKept() throws IOException {
    // WHEN two reserves run with no --liqo-cluster-id
    assertEquals(0, reserve(FLAVOR).exitCode());
    String first =
        node.last().json().path("buyerID").path("additionalInformation").path("liqoID").asText();
    assertEquals(0, reserve(FLAVOR).exitCode());
    String second =
        node.last().json().path("buyerID").path("additionalInformation").path("liqoID").asText();

    // THEN both carry the UUID stored in the file
    assertEquals(first, UUID.fromString(first).toString());
    assertEquals(first, second);
    assertEquals(first, Files.readString(home.resolve("liqo-cluster-id")).strip());
  }

  @Test
  void buyerOptionsShapeTheIdentity() throws IOException {
    CliRun run =
        reserve(
            FLAVOR,
            "--buyer-id",
            "gw-kitchen",
            "--domain",
            "example.org",
            "--buyer-address",
            "10.0.0.9:8443",
            "--liqo-cluster-id",
            "b1c2d3e4-0000-4000-8000-000000000001");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode buyer = node.last().json().path("buyerID");
    assertEquals("gw-kitchen", buyer.path("ID").asText());
    assertEquals("example.org", buyer.path("domain").asText());
    assertEquals("10.0.0.9:8443", buyer.path("IP").asText());
    assertEquals(
        "b1c2d3e4-0000-4000-8000-000000000001",
        buyer.path("additionalInformation").path("liqoID").asText());
    assertTrue(Files.notExists(home.resolve("liqo-cluster-id")), "an explicit id stores nothing");
  }

  @Test
  void aServiceConfigurationIsSentAsJson() throws IOException {
    Path config = home.resolve("mysql.json");
    Files.writeString(config, "{\"username\":\"admin\",\"password\":\"pw\",\"database\":\"db\"}");

    CliRun run =
        reserve(
            "fluidos.eu-service-9c1d",
            "--service-config",
            config.toString(),
            "--hosting-policy",
            "Provider");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode configuration = node.last().json().path("configuration");
    assertEquals("service", configuration.path("type").asText());
    assertEquals("Provider", configuration.path("data").path("hostingPolicy").asText());
    assertEquals(
        "db", configuration.path("data").path("configurationData").path("database").asText());
  }

  @Test
  void anUnknownFlavorIsOneLineAndExit1() {
    CliRun run = reserve("fluidos.eu-k8slice-dead");

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err()
            .endsWith(
                "minicloud reserve: flavor fluidos.eu-k8slice-dead not found at "
                    + node.authority()
                    + " (500: flavor fluidos.eu-k8slice-dead not found); list the flavors again\n"),
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void aPartialSliceOrMixedConfigurationIsAUsageError() {
    CliRun partial = reserve(FLAVOR, "--cpu", "1");
    CliRun mixed =
        reserve(
            FLAVOR, "--cpu", "1", "--memory", "1Gi", "--pods", "1", "--hosting-policy", "Provider");
    CliRun badQuantity = reserve(FLAVOR, "--cpu", "lots", "--memory", "1Gi", "--pods", "1");

    assertEquals(2, partial.exitCode());
    assertTrue(partial.err().contains("give --cpu, --memory and --pods together"), partial.err());
    assertEquals(2, mixed.exitCode());
    assertEquals(2, badQuantity.exitCode());
    assertTrue(node.received.isEmpty());
  }

  @Test
  void theDefaultBuyerIdIsADnsLabel() {
    assertEquals("gw-kitchen-01", BuyerIdentity.dnsLabel("GW_Kitchen-01.example.org"));
    assertEquals("minicloud", BuyerIdentity.dnsLabel("--"));
    assertEquals(63, BuyerIdentity.dnsLabel("a".repeat(80)).length());
  }
}
