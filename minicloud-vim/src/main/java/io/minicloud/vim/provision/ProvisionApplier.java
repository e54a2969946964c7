package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Instant;
import java.util.Map;

/**
 * Applies a {@link ProvisionPlan} with the fabric8 client, issues the ServiceAccount's tokens, and
 * deletes a provision's namespace. Idempotent: applying twice creates nothing twice (an existing
 * object is updated to the plan), deleting what is gone succeeds.
 *
 * <p>Tokens come from the TokenRequest API ({@code serviceaccounts/<sa>/token}, GA since Kubernetes
 * 1.20, served by k3s): they are bound to the ServiceAccount's UID, so deleting the namespace
 * revokes them, they expire, and nothing is stored in etcd. Legacy {@code
 * kubernetes.io/service-account-token} Secrets are not used: they never expire, are readable by
 * anyone who may read Secrets in the namespace, and need the token controller (not created
 * automatically since 1.24).
 */
public final class ProvisionApplier {

  /** The API server's own floor for {@code expirationSeconds}. */
  static final long MIN_TOKEN_SECONDS = 600;

  private final KubernetesClient client;

  public ProvisionApplier(KubernetesClient client) {
    this.client = client;
  }

  /** Creates (or brings back to the plan) every object, in order. */
  public void apply(ProvisionPlan plan) {
    for (HasMetadata object : plan.objects()) {
      client.resource(object).createOr(NonDeletingOperation::update);
    }
  }

  /** A ServiceAccount token for the namespace, valid for about {@code seconds}. */
  public IssuedToken issueToken(String namespace, long seconds) {
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(Math.max(MIN_TOKEN_SECONDS, seconds))
            .endSpec()
            .build();
    TokenRequest issued =
        client
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(ProvisionResources.serviceAccount())
            .tokenRequest(request);
    if (issued == null || issued.getStatus() == null || issued.getStatus().getToken() == null) {
      throw new IllegalStateException(
          "the API server issued no token for "
              + namespace
              + "/"
              + ProvisionResources.serviceAccount());
    }
    String expires = issued.getStatus().getExpirationTimestamp();
    return new IssuedToken(
        issued.getStatus().getToken(), expires == null ? null : Instant.parse(expires));
  }

  /**
   * Deletes the provision's namespace (and so everything in it), if it is one. The binding and the
   * ServiceAccount go first: every token bound to the account stops working at once, not when the
   * namespace controller gets round to the namespace's contents. A namespace of the same name that
   * this VIM did not make for this contract is never touched.
   *
   * @return whether a namespace was there to delete
   */
  public boolean deleteNamespace(String namespace, String contractId) {
    Namespace ns = client.namespaces().withName(namespace).get();
    if (ns == null) {
      return false;
    }
    Map<String, String> labels = ns.getMetadata().getLabels();
    Map<String, String> annotations = ns.getMetadata().getAnnotations();
    boolean ours =
        labels != null
            && ProvisionResources.PROVISION.equals(labels.get(ProvisionResources.PROVISION_LABEL))
            && annotations != null
            && contractId.equals(annotations.get(ProvisionResources.CONTRACT_ANNOTATION));
    if (!ours) {
      throw new IllegalStateException(
          "namespace "
              + namespace
              + " was not made for contract "
              + contractId
              + "; not deleting it");
    }
    client
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .withName(ProvisionResources.roleBinding())
        .delete();
    client
        .serviceAccounts()
        .inNamespace(namespace)
        .withName(ProvisionResources.serviceAccount())
        .delete();
    client.namespaces().withName(namespace).delete();
    return true;
  }

  /** A bearer token and when it expires (null when the API server did not say). */
  public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
      return "IssuedToken[token redacted, expiresAt=" + expiresAt + "]";
    }
  }
}
