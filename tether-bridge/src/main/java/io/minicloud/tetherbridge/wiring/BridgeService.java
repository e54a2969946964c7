package io.minicloud.tetherbridge.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minicloud.mapper.api.DeviceHealth;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.publish.CommandDispatcher;
import io.minicloud.tetherbridge.publish.Payloads;
import io.minicloud.tetherbridge.publish.QueueingPublisher;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.DeviceDirectoryWatcher;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.logging.Logger;

/** Builds the device runtime from the options and runs it for the life of the application. */
@Singleton
public class BridgeService {
  private static final Logger LOG = Logger.getLogger(BridgeService.class.getName());

  private final TetherBridgeOptions options;
  private final MeterRegistry registry;
  private final ObjectMapper json;
  private final Northbound northbound;
  private BridgeRuntime runtime;
  private DeviceDirectoryWatcher watcher;
  private final DemoPeripherals demo = new DemoPeripherals();

  public BridgeService(
      TetherBridgeOptions options,
      MeterRegistry registry,
      ObjectMapper json,
      Northbound northbound) {
    this.options = options;
    this.registry = registry;
    this.json = json;
    this.northbound = northbound;
  }

  void start(@Observes StartupEvent event) throws java.io.IOException {
    demo.start(options);
    String node = AgentResource.node(options);
    TopicRoot topics = new TopicRoot(node);
    Payloads payloads = new Payloads(json);
    PluginRegistry plugins = PluginRegistry.discover();
    RuntimeSettings settings =
        new RuntimeSettings(
            options.breakerThreshold(),
            options.breakerOpen(),
            options.breakerMaxOpen(),
            options.frameLogSize(),
            options.writeTimeout(),
            io.minicloud.tetherbridge.runtime.Backoff::forLinks);
    runtime =
        new BridgeRuntime(
            new DeviceBinder(plugins, options.defaultCollectCycle().toMillis()),
            new QueueingPublisher(topics, payloads, northbound.sink()),
            new MicrometerRuntimeMetrics(registry),
            Clock.systemUTC(),
            settings);
    northbound.start(
        node, new CommandDispatcher(runtime, topics, payloads, northbound.sink(), json));
    for (DeviceHealth health : DeviceHealth.values()) {
      Gauge.builder(
              "minicloud_tether_bridge_devices",
              () -> runtime.statuses().stream().filter(s -> s.health() == health).count())
          .description("Devices by health")
          .tag("health", health.kubeEdgeState())
          .register(registry);
    }
    watcher =
        new DeviceDirectoryWatcher(
            options.devicesDir(),
            new DeviceFileReader(),
            runtime::apply,
            options.devicesRescan(),
            Clock.systemUTC());
    DeviceDirectoryWatcher.LoadResult first = watcher.start();
    LOG.info(
        () ->
            "tether-bridge: plugins "
                + plugins.protocols()
                + ", devices from "
                + options.devicesDir()
                + (first.applied()
                    ? ": " + runtime.statuses().size() + " devices"
                    : ": rejected (" + first.errors().size() + " errors)"));
  }

  void stop(@Observes ShutdownEvent event) {
    if (watcher != null) {
      watcher.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    demo.close();
  }

  public BridgeRuntime runtime() {
    return runtime;
  }

  public DeviceDirectoryWatcher.LoadResult lastLoad() {
    return watcher.last();
  }
}
