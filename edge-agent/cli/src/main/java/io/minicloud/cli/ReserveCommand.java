package io.minicloud.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.client.RearClient;
import io.minicloud.rear.client.RearException;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.Transaction;
import io.minicloud.rear.quantity.Quantity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minicloud reserve --peer ... <flavorID>}: a time-boxed hold on a flavor. */
@Command(
    name = "reserve",
    mixinStandardHelpOptions = true,
    header = "Reserve a flavor at a REAR provider; prints the transaction id and its expiry.",
    description = {
      "POST /api/v2/reservations. --cpu, --memory and --pods ask for part of a k8slice flavor;"
          + " --service-config (a JSON file) and --hosting-policy configure a service flavor."
          + " Purchase the transaction before it expires with `minicloud purchase`.",
      "",
      "The buyer's identity defaults to this machine: --buyer-id from the host name,"
          + " --domain minicloud.local, and a Liqo cluster id made once and kept in"
          + " ~/.config/minicloud/liqo-cluster-id (FLUIDOS providers refuse a reserve without one)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:reserved; the transaction was printed",
      " 1:the provider refused (unknown flavor, no capacity, bad configuration) or was unreachable",
      " 2:usage error"
    })
final class ReserveCommand extends RearPeerCommand {

  @Parameters(index = "0", paramLabel = "FLAVOR_ID", description = "The flavor to reserve.")
  String flavorId;

  @Option(names = "--cpu", paramLabel = "Q", description = "CPU of a k8slice part, e.g. 1 or 500m.")
  String cpu;

  @Option(names = "--memory", paramLabel = "Q", description = "Memory of a k8slice part, e.g. 1Gi.")
  String memory;

  @Option(names = "--pods", paramLabel = "N", description = "Pods of a k8slice part, e.g. 10.")
  String pods;

  @Option(
      names = "--service-config",
      paramLabel = "FILE",
      description = "JSON configuration data of a service flavor (checked against its template).")
  Path serviceConfig;

  @Option(
      names = "--hosting-policy",
      paramLabel = "POLICY",
      description = "Provider, Consumer or Shared (service flavors).")
  String hostingPolicy;

  @Option(names = "--json", description = "Print the whole transaction as JSON.")
  boolean json;

  @Option(
      names = "--buyer-id",
      paramLabel = "ID",
      description = "Our node id (default: a DNS-1123 label of the host name).")
  String buyerId;

  @Option(
      names = "--domain",
      paramLabel = "DOMAIN",
      defaultValue = BuyerIdentity.DEFAULT_DOMAIN,
      description = "Our domain (default: ${DEFAULT-VALUE}).")
  String domain;

  @Option(
      names = "--buyer-address",
      paramLabel = "HOST:PORT",
      description = "Our REAR address (default: <host name>:8443).")
  String buyerAddress;

  @Mixin RearPeerCommand.LiqoIdOptions liqoId;

  @Override
  void run(RearClient client, PeerAddress peer, PrintWriter out) throws RearException {
    Configuration configuration = configuration();
    NodeIdentity buyer = buyer();
    Transaction transaction = client.reserve(flavorId, buyer, configuration);
    if (json) {
      out.println(RearJsonOutput.pretty(transaction));
      return;
    }
    out.println("transaction  " + transaction.transactionId());
    out.println("flavor       " + flavorId);
    if (transaction.expirationTime() != null) {
      out.println("expires      " + RearJson.time(transaction.expirationTime()));
    }
    out.println(
        "purchase it: minicloud purchase --peer "
            + peer.baseUri()
            + " "
            + transaction.transactionId());
  }

  private NodeIdentity buyer() {
    String id = buyerId != null ? buyerId : BuyerIdentity.dnsLabel(BuyerIdentity.hostName());
    String address =
        buyerAddress != null
            ? buyerAddress
            : BuyerIdentity.hostName() + ":" + PeerAddress.DEFAULT_HTTPS_PORT;
    return BuyerIdentity.of(id, domain, address, liqoId.resolve());
  }

  private Configuration configuration() {
    boolean slice = cpu != null || memory != null || pods != null;
    boolean service = serviceConfig != null || hostingPolicy != null;
    if (slice && service) {
      throw usage("--cpu/--memory/--pods are for k8slice flavors, --service-config for services");
    }
    if (slice) {
      if (cpu == null || memory == null || pods == null) {
        throw usage("give --cpu, --memory and --pods together");
      }
      try {
        return Configuration.of(
            FlavorType.K8SLICE,
            new Configuration.K8Slice(
                Quantity.parse(cpu), Quantity.parse(memory), Quantity.parse(pods), null, null));
      } catch (IllegalArgumentException e) {
        throw usage("not a Kubernetes quantity: " + e.getMessage());
      }
    }
    if (service) {
      JsonNode data = null;
      if (serviceConfig != null) {
        try {
          data = RearJson.mapper().readTree(serviceConfig.toFile());
        } catch (JsonProcessingException e) {
          // the original message only: Jackson's excerpt of the file could show a password
          throw usage(
              "--service-config " + serviceConfig + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
          throw usage("--service-config " + serviceConfig + " cannot be read: " + e.getMessage());
        }
      }
      return Configuration.of(FlavorType.SERVICE, new Configuration.Service(hostingPolicy, data));
    }
    return null;
  }
}
