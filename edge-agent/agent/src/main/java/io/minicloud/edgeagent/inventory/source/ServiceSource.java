package io.minicloud.edgeagent.inventory.source;

import io.minicloud.edgeagent.inventory.Contribution;
import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import java.util.List;

/**
 * One service the minicloud offers, probed on every refresh: a service that does not answer stays
 * in the inventory with {@code available = false} (it is not offered, but the operator sees it).
 */
public class ServiceSource implements InventorySource {

  private final ServiceRecord service;
  private final ServiceProbe probe;

  public ServiceSource(ServiceRecord service, ServiceProbe probe) {
    this.service = service;
    this.probe = probe;
  }

  @Override
  public String name() {
    return "service " + service.name();
  }

  @Override
  public Contribution read() {
    boolean available = probe.answers();
    ServiceRecord s = service;
    return Contribution.ofServices(
        List.of(
            new ServiceRecord(
                s.name(),
                s.kind(),
                s.description(),
                s.category(),
                s.tags(),
                s.endpoint(),
                s.hostingPolicies(),
                s.configurationTemplate(),
                available)));
  }
}
