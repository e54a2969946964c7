package io.minicloud.vim.wiring;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.minicloud.vim.provision.ClusterAccess;
import io.minicloud.vim.provision.ExpirySweeper;
import io.minicloud.vim.provision.ProvisionApplier;
import io.minicloud.vim.provision.ProvisionRequestParser;
import io.minicloud.vim.provision.ProvisionService;
import io.minicloud.vim.provision.ProvisionStore;
import io.minicloud.vim.provision.ProvisioningToken;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds REAR provisioning from configuration, at start. Whether a cluster is there is decided
 * then, once, by asking the API server its version: no answer means detached (the operator's mode
 * switch may replace this probe; provisioning only needs the resulting {@code Optional}).
 */
@ApplicationScoped
public class ProvisioningWiring {

  private static final Logger LOG = Logger.getLogger(ProvisioningWiring.class);

  /** The pieces the REST resource uses. */
  public record Provisioning(
      ProvisionService service, ProvisioningToken token, ProvisionRequestParser parser) {}

  private final VimOptions options;
  private final Instance<KubernetesClient> clients;
  private Provisioning provisioning;
  private ProvisionStore store;
  private ExpirySweeper sweeper;

  public ProvisioningWiring(VimOptions options, Instance<KubernetesClient> clients) {
    this.options = options;
    this.clients = clients;
  }

  public synchronized Provisioning provisioning() throws Exception {
    if (provisioning == null) {
      VimOptions.Provisioning o = options.provisioning();
      Path dir = options.dataDir();
      ProvisioningToken token =
          ProvisioningToken.loadOrCreate(o.tokenFile().orElse(dir.resolve("provisioning-token")));
      store = new ProvisionStore(dir.resolve("provisions.db"));
      Optional<KubernetesClient> client = reachableClient();
      ClusterAccess access = client.map(c -> access(o, c.getConfiguration())).orElse(null);
      ProvisionService service =
          new ProvisionService(
              client.map(ProvisionApplier::new),
              store,
              access,
              o.maxTokenLifetime(),
              Clock.systemUTC());
      sweeper = new ExpirySweeper(service, o.expirySweep());
      provisioning =
          new Provisioning(service, token, new ProvisionRequestParser(Clock.systemUTC()));
    }
    return provisioning;
  }

  /**
   * The token file exists from the start: the edge-agent reads it before its first call. A data
   * directory that cannot be written does not stop the VIM (readiness says so); provisioning then
   * answers 503 and tries again on the next call.
   */
  void start(@Observes StartupEvent event) {
    try {
      provisioning();
    } catch (Exception e) {
      LOG.errorf("REAR provisioning cannot start yet: %s", e.getMessage());
    }
  }

  void stop(@Observes ShutdownEvent event) throws Exception {
    if (sweeper != null) {
      sweeper.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private Optional<KubernetesClient> reachableClient() {
    if (!clients.isResolvable()) {
      return Optional.empty();
    }
    KubernetesClient client = clients.get();
    // one attempt: the client's retries with backoff would hold the start up for half a minute
    Config once =
        new ConfigBuilder(client.getConfiguration())
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(5_000)
            .withRequestTimeout(5_000)
            .build();
    try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(once).build()) {
      var version = probe.getKubernetesVersion();
      LOG.infof(
          "REAR provisioning uses the cluster at %s (Kubernetes %s)",
          client.getMasterUrl(), version == null ? "?" : version.getGitVersion());
      return Optional.of(client);
    } catch (RuntimeException e) {
      LOG.warnf(
          "REAR provisioning is detached: no Kubernetes API at %s (%s)",
          client.getMasterUrl(), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static ClusterAccess access(VimOptions.Provisioning o, Config config) {
    String server = o.apiServerUrl().orElse(config.getMasterUrl()).replaceAll("/+$", "");
    byte[] ca = null;
    try {
      if (o.caFile().isPresent()) {
        ca = Files.readAllBytes(o.caFile().get());
      } else if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
        ca = Base64.getDecoder().decode(config.getCaCertData().strip());
      } else if (config.getCaCertFile() != null
          && Files.isReadable(Path.of(config.getCaCertFile()))) {
        ca = Files.readAllBytes(Path.of(config.getCaCertFile()));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot read the API server CA for buyers' kubeconfigs: " + e.getMessage(), e);
    }
    return new ClusterAccess(server, ca);
  }
}
