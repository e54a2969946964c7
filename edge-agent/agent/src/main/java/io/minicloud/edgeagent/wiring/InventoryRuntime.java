package io.minicloud.edgeagent.wiring;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.inventory.InventoryMetrics;
import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.RefreshingInventory;
import io.minicloud.edgeagent.inventory.source.BoundedHttp;
import io.minicloud.edgeagent.inventory.source.BridgeDeviceSource;
import io.minicloud.edgeagent.inventory.source.CharAgentNodeSource;
import io.minicloud.edgeagent.inventory.source.ClusterNodeSource;
import io.minicloud.edgeagent.inventory.source.KubernetesDetection;
import io.minicloud.edgeagent.monitoring.CharAgentUsage;
import io.minicloud.edgeagent.monitoring.KubeMetrics;
import io.minicloud.edgeagent.monitoring.MonitoringService;
import io.minicloud.edgeagent.wiring.EdgeAgentOptions.InventoryOptions;
import io.minicloud.rear.quantity.Quantity;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Builds the inventory and the monitoring service from {@code minicloud.edge-agent.inventory} and
 * starts the refresh thread with the app. The Kubernetes client is only asked for when a cluster is
 * used (mode {@code on}, or {@code auto} with a service account or kubeconfig), so the agent starts
 * anywhere.
 */
@Singleton
public class InventoryRuntime {

  private static final Logger LOG = Logger.getLogger(InventoryRuntime.class);

  private final RefreshingInventory inventory;
  private final MonitoringService monitoring;

  public InventoryRuntime(
      EdgeAgentOptions options, MeterRegistry registry, Instance<KubernetesClient> clients) {
    InventoryOptions o = options.inventory();
    BoundedHttp http = new BoundedHttp(o.timeout(), o.maxResponseBytes());
    Optional<KubernetesClient> client = cluster(o, clients);
    List<InventorySource> sources = new ArrayList<>();
    if (client.isPresent()) {
      sources.add(new ClusterNodeSource(client.get()));
    } else {
      Quantity reserve = Quantity.parse(o.systemReserve());
      for (URI base : o.charAgents()) {
        sources.add(new CharAgentNodeSource(base, http, reserve, o.standalonePods()));
      }
    }
    for (URI base : o.bridges()) {
      sources.add(new BridgeDeviceSource(base, http));
    }
    sources.addAll(ServiceSources.from(o, http));
    this.inventory =
        new RefreshingInventory(
            sources, o.refresh(), Clock.systemUTC(), new InventoryMetrics(registry));
    this.monitoring =
        new MonitoringService(
            o.charAgents(),
            new CharAgentUsage(http),
            client.map(KubeMetrics::new),
            Clock.systemUTC());
  }

  private static Optional<KubernetesClient> cluster(
      InventoryOptions o, Instance<KubernetesClient> clients) {
    switch (o.kubernetes()) {
      case OFF:
        LOG.info("Inventory nodes come from the char-agents (kubernetes = off)");
        return Optional.empty();
      case ON:
        LOG.info("Inventory nodes come from the Kubernetes API (kubernetes = on)");
        return Optional.of(clients.get());
      default:
        Optional<String> why =
            KubernetesDetection.why(System.getenv(), Path.of(System.getProperty("user.home", "/")));
        if (why.isEmpty()) {
          LOG.info("No Kubernetes API found: inventory nodes come from the char-agents");
          return Optional.empty();
        }
        LOG.infof("Inventory nodes come from the Kubernetes API (%s)", why.get());
        return Optional.of(clients.get());
    }
  }

  @Produces
  @Singleton
  Inventory inventory() {
    return inventory;
  }

  @Produces
  @Singleton
  MonitoringService monitoring() {
    return monitoring;
  }

  void onStart(@Observes StartupEvent event) {
    inventory.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    inventory.close();
  }
}
