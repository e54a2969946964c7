package io.minicloud.edgeagent.rear.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.K8SliceData;
import io.minicloud.rear.model.SensorData;
import io.minicloud.rear.model.ServiceData;
import io.minicloud.rear.model.VmData;
import io.minicloud.rear.quantity.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The type data of each flavor kind, built from inventory records and what is already held. */
final class FlavorShapes {

  private static final long MIB = 1L << 20;

  private final CatalogSettings settings;

  FlavorShapes(CatalogSettings settings) {
    this.settings = settings;
  }

  Offer k8slice(Flavor base, String pool, NodeRecord node, Held held) {
    Resources free = node.free().minus(held.resources());
    NodeRecord.GpuRecord gpu = node.gpus().isEmpty() ? null : node.gpus().get(0);
    K8SliceData.Gpu gpuFigure =
        gpu == null
            ? K8SliceData.Gpu.NONE
            : new K8SliceData.Gpu(gpu.model(), free.gpus(), Quantity.bytes(gpu.memoryBytes()));
    K8SliceData data =
        new K8SliceData(
            new K8SliceData.Characteristics(
                node.architecture(),
                free.cpu(),
                free.memory(),
                free.pods(),
                gpuFigure,
                free.storage()),
            JsonNodeFactory.instance.objectNode(),
            new K8SliceData.Policies(settings.partitionability()));
    boolean available = sellable(free);
    Flavor flavor =
        base.withType(FlavorType.of(FlavorType.K8SLICE, data)).withAvailability(available);
    return new Offer(flavor, pool, free, settings.partitionability(), null, -1);
  }

  Offer vm(Flavor base, String pool, NodeRecord node, Held held) {
    Resources unit = settings.vmSize();
    Resources free = node.free().minus(held.resources());
    long fit = fits(free, unit);
    VmData data =
        new VmData(
            new VmData.Characteristics(
                node.architecture(),
                node.os(),
                unit.cpu().wholeValue(),
                unit.memory().wholeValue() / MIB,
                new VmData.Gpu("", 0),
                unit.storage().wholeValue() / 1_000_000_000L),
            new VmData.Policy(new VmData.Aggregatable(1, fit)));
    Flavor flavor = base.withType(FlavorType.of(FlavorType.VM, data)).withAvailability(fit > 0);
    return new Offer(flavor, pool, free, null, unit, -1);
  }

  Offer service(Flavor base, String pool, ServiceRecord s, Map<String, Held> holds) {
    ServiceData data =
        new ServiceData(
            s.name(),
            s.description(),
            s.category(),
            s.tags(),
            s.hostingPolicies(),
            s.configurationTemplate());
    return units(
        base.withType(FlavorType.of(FlavorType.SERVICE, data)),
        pool,
        settings.serviceBuyers(),
        holds);
  }

  Offer sensor(
      Flavor base,
      String pool,
      DeviceRecord device,
      DeviceRecord.PropertyRecord property,
      Map<String, Held> holds) {
    SensorData data =
        new SensorData(
            new SensorData.Characteristics(
                property.name(),
                device.model(),
                "",
                property.samplingMillis(),
                device.protocol(),
                List.of(),
                new SensorData.Extra(property.unit(), "ms", "mqtt")),
            new SensorData.AccessType("1", null));
    Flavor flavor = base.withType(FlavorType.of(FlavorType.SENSOR, data));
    Offer offer = units(flavor, pool, settings.sensorBuyers(), holds);
    return device.online() ? offer : withAvailability(offer, false);
  }

  private static Offer units(Flavor flavor, String pool, long max, Map<String, Held> holds) {
    long held = holds.getOrDefault(pool, Held.NOTHING).units();
    boolean available = max < 0 || held < max;
    return new Offer(flavor.withAvailability(available), pool, Resources.NONE, null, null, max);
  }

  private static Offer withAvailability(Offer o, boolean available) {
    return new Offer(
        o.flavor().withAvailability(available),
        o.pool(),
        o.free(),
        o.partitionability(),
        o.unit(),
        o.maxUnits());
  }

  /** Something is left to sell: every resource a slice needs is above zero and its minimum. */
  private boolean sellable(Resources free) {
    K8SliceData.Partitionability p = settings.partitionability();
    return free.cpu().signum() > 0
        && free.memory().signum() > 0
        && free.pods().signum() > 0
        && free.cpu().compareTo(p.cpuMin()) >= 0
        && free.memory().compareTo(p.memoryMin()) >= 0
        && free.pods().compareTo(p.podsMin()) >= 0;
  }

  /** How many whole {@code unit}s fit in {@code free}. */
  static long fits(Resources free, Resources unit) {
    long n = Long.MAX_VALUE;
    n = Math.min(n, ratio(free.cpu(), unit.cpu()));
    n = Math.min(n, ratio(free.memory(), unit.memory()));
    n = Math.min(n, ratio(free.storage(), unit.storage()));
    n = Math.min(n, ratio(free.pods(), unit.pods()));
    n = Math.min(n, ratio(free.gpus(), unit.gpus()));
    return n == Long.MAX_VALUE ? 0 : n;
  }

  private static long ratio(Quantity free, Quantity unit) {
    if (unit.signum() <= 0) {
      return Long.MAX_VALUE;
    }
    BigDecimal r = free.value().divide(unit.value(), 0, RoundingMode.FLOOR);
    return r.signum() < 0 ? 0 : r.longValue();
  }
}
