package io.minicloud.vim.provision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A kubeconfig for one buyer: one cluster (the minicloud's externally reachable API server), one
 * user (the namespace's ServiceAccount token), one context whose default namespace is the buyer's.
 * A secret: {@link #toString()} redacts the token, and nothing logs {@link #yaml()}.
 *
 * @param server the API server URL the buyer reaches
 * @param caPem the cluster CA certificate (PEM), or null to rely on the buyer's trust store
 * @param namespace the buyer's namespace
 * @param token the ServiceAccount's bearer token
 * @param tokenExpiresAt when the token stops working
 */
public record Kubeconfig(
    String server, byte[] caPem, String namespace, String token, Instant tokenExpiresAt) {

  /** The kubeconfig YAML (strings JSON-quoted, which YAML reads as double-quoted scalars). */
  public String yaml() {
    String cluster = "minicloud";
    String user = namespace + "-" + ProvisionResources.serviceAccount();
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: v1\nkind: Config\nclusters:\n- name: ").append(q(cluster)).append('\n');
    y.append("  cluster:\n    server: ").append(q(server)).append('\n');
    if (caPem != null && caPem.length > 0) {
      y.append("    certificate-authority-data: ")
          .append(q(Base64.getEncoder().encodeToString(caPem)))
          .append('\n');
    }
    y.append("users:\n- name: ").append(q(user)).append("\n  user:\n    token: ");
    y.append(q(token)).append('\n');
    y.append("contexts:\n- name: ").append(q(namespace)).append('\n');
    y.append("  context:\n    cluster: ").append(q(cluster)).append('\n');
    y.append("    user: ").append(q(user)).append('\n');
    y.append("    namespace: ").append(q(namespace)).append('\n');
    y.append("current-context: ").append(q(namespace)).append('\n');
    return y.toString();
  }

  /** As REAR carries it in {@code peeringTargetCredentials.kubeconfig}: base64 of the YAML. */
  public String base64() {
    return Base64.getEncoder().encodeToString(yaml().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Kubeconfig[server="
        + server
        + ", namespace="
        + namespace
        + ", token redacted, tokenExpiresAt="
        + tokenExpiresAt
        + "]";
  }

  private static String q(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
