package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who sells or buys: the node writes {@code ID}/{@code IP}/{@code domain}, the spec {@code
 * nodeId}/{@code ip}; both are read. {@code IP} is the REAR endpoint as {@code host:port}: a Go
 * consumer sends its reserve and purchase calls there.
 */
public record NodeIdentity(
    @JsonProperty("ID") @JsonAlias({"nodeId", "nodeID"}) String id,
    @JsonProperty("IP") String ip,
    @JsonProperty("domain") String domain,
    @JsonProperty("additionalInformation") @JsonAlias("AdditionalInformation")
        AdditionalInformation additionalInformation) {

  public NodeIdentity withoutSecrets() {
    return additionalInformation == null
        ? this
        : new NodeIdentity(id, ip, domain, additionalInformation.withoutKubeconfig());
  }

  public String liqoId() {
    return additionalInformation == null ? null : additionalInformation.liqoId();
  }

  /**
   * The node's extra identity: the buyer's Liqo cluster id (required by the node) and, from a Go
   * consumer, a base64 kubeconfig of the buyer's cluster, a secret never logged or stored here.
   */
  public record AdditionalInformation(
      @JsonProperty("liqoID") String liqoId, @JsonProperty("kubeconfig") String kubeconfig) {

    public AdditionalInformation withoutKubeconfig() {
      return new AdditionalInformation(liqoId, null);
    }

    @Override
    public String toString() {
      return "AdditionalInformation[liqoID="
          + liqoId
          + ", kubeconfig="
          + (kubeconfig == null ? "none" : "(redacted)")
          + "]";
    }
  }
}
