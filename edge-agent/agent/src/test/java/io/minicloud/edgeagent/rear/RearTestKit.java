package io.minicloud.edgeagent.rear;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.edgeagent.rear.catalog.CatalogSettings;
import io.minicloud.edgeagent.rear.catalog.FlavorCatalog;
import io.minicloud.edgeagent.rear.contract.ContractSigner;
import io.minicloud.edgeagent.rear.ledger.RearLedger;
import io.minicloud.edgeagent.rear.ledger.RearStore;
import io.minicloud.edgeagent.rear.provision.PendingProvisioner;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.K8SliceData.Partitionability;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.quantity.Quantity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Builds a ledger over an in-memory inventory snapshot, for tests that construct with new. */
public final class RearTestKit {

  public static final RearIdentity IDENTITY =
      new RearIdentity("minicloud.test", "gw-1", "127.0.0.1:8443");

  public static final Partitionability PARTS =
      new Partitionability(
          Quantity.parse("500m"),
          Quantity.parse("256Mi"),
          Quantity.parse("1"),
          Quantity.parse("500m"),
          Quantity.parse("256Mi"),
          Quantity.parse("1"));

  public static final CatalogSettings SETTINGS =
      new CatalogSettings(
          PARTS,
          new Resources(
              Quantity.parse("1"),
              Quantity.parse("1Gi"),
              Quantity.parse("10G"),
              Quantity.parse("1"),
              Quantity.ZERO),
          3,
          -1,
          null,
          Flavor.Price.NONE,
          null);

  public final AtomicReference<InventorySnapshot> snapshot = new AtomicReference<>();
  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  public final FlavorCatalog catalog = new FlavorCatalog(IDENTITY, SETTINGS, clock);
  public final RearStore store;
  public final RearLedger ledger;
  public final ContractSigner signer;

  public RearTestKit(Path dir, InventorySnapshot initial) throws Exception {
    snapshot.set(initial);
    store = new RearStore(dir.resolve("rear.db"));
    signer = ContractSigner.loadOrCreate(dir.resolve("signing-key.pem"));
    ledger =
        new RearLedger(
            store,
            holds -> catalog.offers(snapshot.get(), holds),
            signer,
            new PendingProvisioner(),
            IDENTITY,
            Duration.ofHours(1),
            Duration.ofDays(365),
            clock,
            () -> {});
  }

  public static NodeRecord node(String name, String cpu, String memory, String pods) {
    return new NodeRecord(
        name,
        "arm64",
        "linux",
        new Resources(
            Quantity.parse(cpu),
            Quantity.parse(memory),
            Quantity.parse("100Gi"),
            Quantity.parse(pods),
            Quantity.ZERO),
        Resources.NONE,
        List.of(),
        true,
        "Raspberry Pi 4 Model B Rev 1.4",
        Map.of(),
        true);
  }

  public static ServiceRecord broker() {
    ObjectNode template = JsonNodeFactory.instance.objectNode();
    template.put("type", "object");
    template.putObject("properties").putObject("clientId").put("type", "string");
    template.putArray("required").add("clientId");
    return new ServiceRecord(
        "mqtt-broker",
        "broker",
        "the minicloud's MQTT broker",
        "messaging",
        List.of("mqtt", "broker"),
        "mqtts://127.0.0.1:8883",
        List.of("Provider"),
        template,
        true);
  }

  public static DeviceRecord climate() {
    return new DeviceRecord(
        "demo-climate",
        "gw-1",
        "climate-controller",
        "modbus",
        "online",
        Instant.parse("2026-11-23T09:59:00Z"),
        List.of(new DeviceRecord.PropertyRecord("temperature", "FLOAT", "°C", 1000, false)));
  }

  public static InventorySnapshot snapshot(List<NodeRecord> nodes, boolean kubevirt) {
    return new InventorySnapshot(
        Instant.parse("2026-11-23T10:00:00Z"),
        true,
        kubevirt,
        nodes,
        List.of(climate()),
        List.of(broker()));
  }

  public static NodeIdentity buyer(String id) {
    return new NodeIdentity(
        id,
        "10.0.0.9:8443",
        "buyer.test",
        new NodeIdentity.AdditionalInformation("liqo-" + id, "c2VjcmV0"));
  }

  /** A clock tests move by hand. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    public void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
