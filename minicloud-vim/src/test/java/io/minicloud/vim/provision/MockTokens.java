package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers TokenRequests on the fabric8 mock server (a fake: the mock has no token issuer). Each
 * answer is a different token, so tests can tell a re-issued one; the real kube-apiserver tier
 * checks real tokens.
 */
final class MockTokens {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static volatile String last;
  private static volatile long lastSeconds;

  private MockTokens() {}

  /** Issues tokens for the tenant account of {@code contractIds}' namespaces. */
  static void answer(KubernetesMockServer server, String... contractIds) {
    for (String contractId : contractIds) {
      server
          .expect()
          .post()
          .withPath(
              "/api/v1/namespaces/"
                  + ProvisionResources.namespace(contractId)
                  + "/serviceaccounts/"
                  + ProvisionResources.serviceAccount()
                  + "/token")
          .andReply(
              201,
              request -> issue(Serialization.unmarshal(request.getUtf8Body(), TokenRequest.class)))
          .always();
    }
  }

  static String last() {
    return last;
  }

  static long lastExpirationSeconds() {
    return lastSeconds;
  }

  private static TokenRequest issue(TokenRequest asked) {
    long seconds = asked.getSpec().getExpirationSeconds();
    lastSeconds = seconds;
    last = "mock-token-" + SEQUENCE.incrementAndGet();
    return new TokenRequestBuilder(asked)
        .withNewStatus()
        .withToken(last)
        .withExpirationTimestamp(
            Instant.parse("2026-11-23T12:00:00Z").plusSeconds(seconds).toString())
        .endStatus()
        .build();
  }
}
