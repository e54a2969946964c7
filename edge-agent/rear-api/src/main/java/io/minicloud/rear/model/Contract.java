package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A purchase's result, in the node's shape. {@code networkAuthorizations} is a string (the name of
 * a ConfigMap of network intents), {@code extraInformation} a string map: we put the contract's
 * signature, the signing key id and the provisioning state there, where a Go node keeps them.
 */
public record Contract(
    @JsonProperty("contractID") @JsonAlias("ContractID") String contractId,
    @JsonProperty("transactionID") String transactionId,
    @JsonProperty("flavor") @JsonAlias("Flavor") Flavor flavor,
    @JsonProperty("buyerID") @JsonAlias("Buyer") NodeIdentity buyer,
    @JsonProperty("buyerClusterID") String buyerClusterId,
    @JsonProperty("seller") @JsonAlias("Seller") NodeIdentity seller,
    @JsonProperty("peeringTargetCredentials") PeeringCredentials peeringTargetCredentials,
    @JsonProperty("expirationTime") @JsonAlias("ExpirationTime") Instant expirationTime,
    @JsonProperty("extraInformation") Map<String, String> extraInformation,
    @JsonProperty("configuration") Configuration configuration,
    @JsonProperty("networkAuthorizations") @JsonAlias("NetworkRequests")
        String networkAuthorizations,
    @JsonProperty("ingressTelemetryEndpoint") JsonNode ingressTelemetryEndpoint) {

  public Contract withExtraInformation(Map<String, String> extra) {
    return new Contract(
        contractId,
        transactionId,
        flavor,
        buyer,
        buyerClusterId,
        seller,
        peeringTargetCredentials,
        expirationTime,
        extra,
        configuration,
        networkAuthorizations,
        ingressTelemetryEndpoint);
  }

  /** Credentials to reach what was bought; the kubeconfig (base64 YAML) is a secret. */
  public record PeeringCredentials(
      @JsonProperty("clusterID") String clusterId, @JsonProperty("kubeconfig") String kubeconfig) {

    @Override
    public String toString() {
      return "PeeringCredentials[clusterID=" + clusterId + ", kubeconfig redacted]";
    }
  }
}
