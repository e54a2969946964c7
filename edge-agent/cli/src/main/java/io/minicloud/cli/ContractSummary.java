package io.minicloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.RearJson;

/** What {@code minicloud purchase} prints by default: the contract in a few labelled lines. */
final class ContractSummary {

  private ContractSummary() {}

  static String render(Contract contract, boolean showSecrets) {
    StringBuilder out = new StringBuilder();
    line(out, "contract", contract.contractId());
    line(out, "transaction", contract.transactionId());
    if (contract.flavor() != null) {
      String type =
          contract.flavor().type() == null ? "" : " (" + contract.flavor().type().kind() + ")";
      line(out, "flavor", contract.flavor().flavorId() + type);
    }
    line(out, "seller", identity(contract.seller()));
    line(out, "buyer", identity(contract.buyer()));
    if (contract.expirationTime() != null) {
      line(out, "expires", RearJson.time(contract.expirationTime()));
    }
    if (contract.configuration() != null) {
      JsonNode configuration = RearJson.mapper().valueToTree(contract.configuration());
      line(
          out,
          "configuration",
          (showSecrets ? configuration : SecretRedaction.redact(configuration)).toString());
    }
    Contract.PeeringCredentials peering = contract.peeringTargetCredentials();
    if (peering != null) {
      line(out, "peering", "Liqo cluster " + peering.clusterId());
      String kubeconfig = peering.kubeconfig();
      if (kubeconfig != null && !kubeconfig.isEmpty()) {
        line(
            out,
            "kubeconfig",
            showSecrets
                ? kubeconfig
                : kubeconfig.length() + " characters (base64), " + SecretRedaction.MASK);
      }
    }
    return out.toString();
  }

  private static String identity(NodeIdentity node) {
    if (node == null) {
      return null;
    }
    String where = node.ip() == null ? "" : " at " + node.ip();
    String domain = node.domain() == null ? "" : " (" + node.domain() + ")";
    return node.id() + where + domain;
  }

  private static void line(StringBuilder out, String label, String value) {
    if (value != null) {
      out.append(String.format("%-14s%s", label, value)).append('\n');
    }
  }
}
