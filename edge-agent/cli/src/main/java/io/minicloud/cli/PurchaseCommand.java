package io.minicloud.cli;

import io.minicloud.rear.client.RearClient;
import io.minicloud.rear.client.RearException;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.PurchaseRequest;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minicloud purchase --peer ... <transactionID>}: turn a reservation into a contract. */
@Command(
    name = "purchase",
    mixinStandardHelpOptions = true,
    header = "Purchase a reserved flavor; prints the contract.",
    description = {
      "POST /api/v2/transactions/<id>/purchase with our Liqo cluster id. Prints a summary of the"
          + " contract, or all of it with --json. The contract's kubeconfig grants access to the"
          + " provider's cluster: it and other secrets are masked unless --show-secrets.",
      "",
      "A FLUIDOS node deletes the transaction when it is purchased: purchase once, before it"
          + " expires (1 h after the reserve)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:purchased; the contract was printed",
      " 1:unknown or expired transaction, or the provider failed or was unreachable",
      " 2:usage error"
    })
final class PurchaseCommand extends RearPeerCommand {

  @Parameters(index = "0", paramLabel = "TRANSACTION_ID", description = "From `minicloud reserve`.")
  String transactionId;

  @Mixin RearPeerCommand.LiqoIdOptions liqoId;

  @Option(names = "--json", description = "Print the whole contract as JSON.")
  boolean json;

  @Option(names = "--show-secrets", description = "Print the kubeconfig and other secrets.")
  boolean showSecrets;

  @Override
  void run(RearClient client, PeerAddress peer, PrintWriter out) throws RearException {
    String liqo = liqoId.resolve();
    PurchaseRequest request =
        new PurchaseRequest(
            new PurchaseRequest.LiqoCredentials(liqo, null, null, null, null), null);
    Contract contract = client.purchase(transactionId, request);
    if (json) {
      out.println(RearJsonOutput.pretty(contract, showSecrets));
    } else {
      out.print(ContractSummary.render(contract, showSecrets));
    }
  }
}
