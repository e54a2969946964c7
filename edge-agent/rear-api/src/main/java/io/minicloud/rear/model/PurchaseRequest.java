package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v2/transactions/{id}/purchase}. Node v0.1.2+ sends {@code liqoCredentials
 * {clusterID, kubeconfig}}; node v0.1.1 and the spec the four-field Liqo 0.x form. Both are read.
 */
public record PurchaseRequest(
    @JsonProperty("liqoCredentials") @JsonAlias("LiqoCredentials") LiqoCredentials liqoCredentials,
    @JsonProperty("ingressTelemetryEndpoint") JsonNode ingressTelemetryEndpoint) {

  /** Cluster credentials; the kubeconfig and token are secrets, redacted from toString. */
  public record LiqoCredentials(
      @JsonProperty("clusterID") String clusterId,
      @JsonProperty("kubeconfig") String kubeconfig,
      @JsonProperty("clusterName") String clusterName,
      @JsonProperty("endpoint") String endpoint,
      @JsonProperty("token") String token) {

    @Override
    public String toString() {
      return "LiqoCredentials[clusterID=" + clusterId + ", secrets redacted]";
    }
  }
}
