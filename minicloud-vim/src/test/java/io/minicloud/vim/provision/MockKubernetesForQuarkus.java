package io.minicloud.vim.provision;

import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mock API server in CRUD mode, the fake standing in for k3s, for a whole Quarkus app:
 * the VIM's client points at it, so provisioning runs in cluster mode. It answers {@code /version}
 * (the VIM's cluster probe) and TokenRequests ({@link MockTokens}).
 */
public class MockKubernetesForQuarkus implements QuarkusTestResourceLifecycleManager {

  static final String[] CONTRACTS = {"contract-rest-1", "contract-rest-2", "contract-rest-vm"};
  static KubernetesMockServer server;

  @Override
  public Map<String, String> start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server =
        new KubernetesMockServer(
            new io.fabric8.mockwebserver.Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false,
            new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("31")
                .withGitVersion("v1.31.0+mock")
                .build());
    server.init();
    MockTokens.answer(server, CONTRACTS);
    try {
      String dataDir = Files.createTempDirectory("vim-provision-cluster").toString();
      return Map.of(
          "quarkus.kubernetes-client.api-server-url",
          server.createClient().getMasterUrl().toString(),
          "quarkus.kubernetes-client.trust-certs",
          "true",
          "minicloud.minicloud-vim.data-dir",
          dataDir,
          "minicloud.minicloud-vim.provisioning.api-server-url",
          "https://192.0.2.10:6443");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    server.destroy();
  }
}
