package io.minicloud.edgeagent.wiring;

import io.micrometer.core.instrument.MeterRegistry;
import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.rear.RearProvider;
import io.minicloud.edgeagent.rear.subscription.Subscriptions;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Builds the REAR provider from configuration at startup and closes it at shutdown. */
@Singleton
public class RearWiring {

  private static final Logger LOG = Logger.getLogger(RearWiring.class);

  private final EdgeAgentOptions options;
  private final Inventory inventory;
  private final Vertx vertx;
  private final MeterRegistry registry;
  private RearProvider provider;
  private Subscriptions subscriptions;

  public RearWiring(
      EdgeAgentOptions options, Inventory inventory, Vertx vertx, MeterRegistry registry) {
    this.registry = registry;
    this.options = options;
    this.inventory = inventory;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent event) throws Exception {
    if (!options.rear().enabled()) {
      LOG.info("REAR is disabled (minicloud.edge-agent.rear.enabled=false)");
      return;
    }
    provider =
        new RearProvider(RearSettingsMapper.map(options), inventory, vertx, Clock.systemUTC());
    RearSettingsMapper.vim(options).ifPresent(provider::provisionThrough);
    provider.start();
  }

  void stop(@Observes ShutdownEvent event) throws Exception {
    if (provider != null) {
      provider.close();
    }
    if (subscriptions != null) {
      subscriptions.close();
    }
  }

  /** The running provider, or null when REAR is disabled. */
  public RearProvider provider() {
    return provider;
  }
}
