package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.source.BoundedHttp;
import io.minicloud.edgeagent.inventory.source.ServiceCatalog;
import io.minicloud.edgeagent.inventory.source.ServiceProbe;
import io.minicloud.edgeagent.inventory.source.ServiceSource;
import io.minicloud.edgeagent.wiring.EdgeAgentOptions.InventoryOptions;
import io.minicloud.edgeagent.wiring.EdgeAgentOptions.ServiceOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The service sources the options describe: the broker, the storage gateway, the operator's. */
final class ServiceSources {

  private ServiceSources() {}

  static List<InventorySource> from(InventoryOptions o, BoundedHttp http) {
    List<InventorySource> sources = new ArrayList<>();
    URI broker = brokerAddress(o.mqttBroker());
    sources.add(
        new ServiceSource(
            ServiceCatalog.mqttBroker(broker.getHost(), broker.getPort()),
            ServiceProbe.tcp(broker.getHost(), broker.getPort(), o.timeout())));
    sources.add(
        new ServiceSource(
            ServiceCatalog.storageGateway(o.storageGateway()),
            ServiceProbe.http(o.storageGateway(), http)));
    for (Map.Entry<String, ServiceOptions> e : o.services().entrySet()) {
      ServiceOptions s = e.getValue();
      var record =
          ServiceCatalog.configured(
              new ServiceCatalog.Configured(
                  e.getKey(),
                  s.description().orElse(""),
                  s.category(),
                  s.tags().orElse(List.of()),
                  s.endpoint(),
                  s.hostingPolicies(),
                  s.configurationTemplate(),
                  s.configurationTemplateFile()));
      sources.add(
          new ServiceSource(
              record, ServiceProbe.forEndpoint(URI.create(s.endpoint()), http, o.timeout())));
    }
    return sources;
  }

  /** {@code host:port} as a URI, refusing a setting without a port with the setting's name. */
  static URI brokerAddress(String hostPort) {
    URI uri = URI.create("mqtt://" + hostPort);
    if (uri.getHost() == null || uri.getPort() < 0) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.inventory.mqtt-broker must be host:port, not '" + hostPort + "'");
    }
    return uri;
  }
}
