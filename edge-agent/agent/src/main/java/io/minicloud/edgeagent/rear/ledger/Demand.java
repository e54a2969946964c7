package io.minicloud.edgeagent.rear.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.K8SliceData.Partitionability;
import io.minicloud.rear.model.ServiceData;
import io.minicloud.rear.quantity.Quantity;
import java.math.BigDecimal;

/**
 * What one reservation takes from its offer's pool: the configured part of a K8Slice (or all of
 * it), a number of VM units, or one buyer's place on a service or sensor. Invalid configurations
 * are 400s; not enough left is the caller's 409.
 */
public record Demand(Resources resources, long units) {

  static Demand of(Offer offer, Configuration configuration) throws RearError {
    if (configuration != null
        && configuration.type() != null
        && !offer.type().equals(configuration.type().toLowerCase(java.util.Locale.ROOT))) {
      throw RearError.badRequest(
          "configuration.type",
          "configuration.type is '"
              + configuration.type()
              + "' but flavor "
              + offer.id()
              + " is a "
              + offer.type());
    }
    return switch (offer.type()) {
      case FlavorType.K8SLICE -> slice(offer, configuration);
      case FlavorType.VM -> vms(offer, configuration);
      case FlavorType.SERVICE -> service(offer, configuration);
      default -> new Demand(Resources.NONE, 1);
    };
  }

  /** Whether the offer still has room for this demand. */
  boolean fits(Offer offer, long unitsHeld) {
    if (offer.maxUnits() >= 0 && unitsHeld + units > offer.maxUnits()) {
      return false;
    }
    return offer.free().covers(resources);
  }

  private static Demand slice(Offer offer, Configuration configuration) throws RearError {
    if (configuration == null || configuration.data() == null || configuration.data().isNull()) {
      // no configuration: the whole slice, as the node sells it
      return new Demand(offer.free(), 0);
    }
    Configuration.K8Slice wanted;
    try {
      wanted = configuration.k8slice();
    } catch (JsonProcessingException e) {
      throw RearError.badRequest(
          "configuration.data", "configuration.data: " + JsonErrors.describe(e));
    }
    Quantity cpu = required(wanted.cpu(), "cpu");
    Quantity memory = required(wanted.memory(), "memory");
    Quantity pods = required(wanted.pods(), "pods");
    Quantity storage = wanted.storage() == null ? Quantity.ZERO : wanted.storage();
    Quantity gpus =
        wanted.gpu() == null || wanted.gpu().cores() == null ? Quantity.ZERO : wanted.gpu().cores();
    Partitionability p = offer.partitionability();
    if (p != null) {
      step("cpu", cpu, p.cpuMin(), p.cpuStep());
      step("memory", memory, p.memoryMin(), p.memoryStep());
      step("pods", pods, p.podsMin(), p.podsStep());
    }
    for (Quantity q : new Quantity[] {cpu, memory, pods, storage, gpus}) {
      if (q.signum() < 0) {
        throw RearError.badRequest(
            "configuration.data", "configuration.data: negative quantity " + q);
      }
    }
    return new Demand(new Resources(cpu, memory, storage, pods, gpus), 0);
  }

  private static Demand vms(Offer offer, Configuration configuration) throws RearError {
    long count = 1;
    if (configuration != null
        && configuration.data() != null
        && configuration.data().has("count")) {
      JsonNode n = configuration.data().get("count");
      if (!n.canConvertToLong() || n.asLong() < 1 || n.asLong() > 1000) {
        throw RearError.badRequest(
            "configuration.data.count", "configuration.data.count: a whole number from 1 to 1000");
      }
      count = n.asLong();
    }
    Resources unit = offer.unit();
    return new Demand(
        new Resources(
            unit.cpu().times(count),
            unit.memory().times(count),
            unit.storage().times(count),
            unit.pods().times(count),
            unit.gpus().times(count)),
        0);
  }

  private static Demand service(Offer offer, Configuration configuration) throws RearError {
    ServiceData service;
    try {
      service = offer.flavor().type().service();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("our own service flavor does not decode", e);
    }
    Configuration.Service wanted = null;
    if (configuration != null && configuration.data() != null) {
      try {
        wanted = configuration.service();
      } catch (JsonProcessingException e) {
        throw RearError.badRequest(
            "configuration.data", "configuration.data: " + JsonErrors.describe(e));
      }
    }
    JsonNode data =
        wanted == null || wanted.configurationData() == null
            ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
            : wanted.configurationData();
    ConfigurationTemplates.check(
        service.configurationTemplate(), data, "configuration.data.configurationData");
    if (wanted != null
        && wanted.hostingPolicy() != null
        && (service.hostingPolicies() == null
            || !service.hostingPolicies().contains(wanted.hostingPolicy()))) {
      throw RearError.badRequest(
          "configuration.data.hostingPolicy",
          "configuration.data.hostingPolicy '"
              + wanted.hostingPolicy()
              + "' is not one of "
              + service.hostingPolicies());
    }
    return new Demand(Resources.NONE, 1);
  }

  private static Quantity required(Quantity q, String name) throws RearError {
    if (q == null) {
      throw RearError.badRequest(
          "configuration.data." + name, "configuration.data." + name + ": required for a K8Slice");
    }
    return q;
  }

  /** At least the minimum and, when a step is set, the minimum plus whole steps. */
  private static void step(String name, Quantity asked, Quantity min, Quantity step)
      throws RearError {
    if (min != null && asked.compareTo(min) < 0) {
      throw RearError.badRequest(
          "configuration.data." + name,
          "configuration.data." + name + ": " + asked + " is below the minimum " + min);
    }
    if (step != null && step.signum() > 0) {
      BigDecimal above = asked.value().subtract(min == null ? BigDecimal.ZERO : min.value());
      if (above.remainder(step.value()).signum() != 0) {
        throw RearError.badRequest(
            "configuration.data." + name,
            "configuration.data."
                + name
                + ": "
                + asked
                + " is not the minimum "
                + min
                + " plus whole steps of "
                + step);
      }
    }
  }
}
