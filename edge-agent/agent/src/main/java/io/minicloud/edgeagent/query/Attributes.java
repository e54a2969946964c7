package io.minicloud.edgeagent.query;

import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.edgeagent.query.Attribute.Type;
import io.minicloud.rear.quantity.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The attributes of one kind (node, device, service), documented in
 * docs/api/edge-agent-inventory-v1.md. Nodes also take {@code label.<key>} for any node label.
 */
public final class Attributes<T> {

  static final String LABEL_PREFIX = "label.";

  private final String kind;
  private final Function<InventorySnapshot, List<T>> items;
  private final Map<String, Attribute<T>> byName = new LinkedHashMap<>();
  private final Function<String, Optional<Attribute<T>>> dynamic;

  private Attributes(
      String kind,
      Function<InventorySnapshot, List<T>> items,
      List<Attribute<T>> attributes,
      Function<String, Optional<Attribute<T>>> dynamic) {
    this.kind = kind;
    this.items = items;
    attributes.forEach(a -> byName.put(a.name(), a));
    this.dynamic = dynamic;
  }

  public String kind() {
    return kind;
  }

  public List<T> items(InventorySnapshot snapshot) {
    return items.apply(snapshot);
  }

  public List<Attribute<T>> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Attribute<T>> find(String name) {
    Attribute<T> a = byName.get(name);
    return a != null ? Optional.of(a) : dynamic.apply(name);
  }

  /** The attributes of kind {@code node|device|service}, or empty. */
  public static Optional<Attributes<?>> forKind(String kind) {
    return switch (kind == null ? "" : kind) {
      case "node" -> Optional.of(NODE);
      case "device" -> Optional.of(DEVICE);
      case "service" -> Optional.of(SERVICE);
      default -> Optional.empty();
    };
  }

  public static final Attributes<NodeRecord> NODE =
      new Attributes<>("node", InventorySnapshot::nodes, nodeAttributes(), Attributes::label);

  public static final Attributes<DeviceRecord> DEVICE =
      new Attributes<>(
          "device",
          InventorySnapshot::devices,
          List.of(
              text("id", "the device name", d -> List.of(d.id())),
              text("node", "the node whose bridge owns it", d -> List.of(d.node())),
              text("model", "the KubeEdge DeviceModel name", d -> List.of(d.model())),
              text(
                  "protocol",
                  "modbus, coap, mqtt, firmata, tether-v1, serial",
                  d -> List.of(d.protocol())),
              text("health", "online, unhealthy, offline, unknown", d -> List.of(d.health())),
              bool("online", "whether health is online", d -> List.of(d.online())),
              text("property", "a property name", d -> map(d.properties(), p -> p.name())),
              text("unit", "a property's unit, e.g. °C", d -> map(d.properties(), p -> p.unit())),
              text(
                  "type",
                  "a property's type: FLOAT, INT, BOOLEAN, STRING",
                  d -> map(d.properties(), p -> p.type())),
              quantity(
                  "sampling",
                  "a property's collect cycle in milliseconds (0: pushed or on demand)",
                  d -> map(d.properties(), p -> Quantity.of(p.samplingMillis()))),
              bool(
                  "writable", "a property can be set", d -> map(d.properties(), p -> p.writable())),
              quantity(
                  "properties",
                  "how many properties",
                  d -> List.of(Quantity.of(d.properties().size())))),
          name -> Optional.empty());

  public static final Attributes<ServiceRecord> SERVICE =
      new Attributes<>(
          "service",
          InventorySnapshot::services,
          List.of(
              text("name", "the service name", s -> List.of(s.name())),
              text("kind", "broker, storage, configured", s -> List.of(s.kind())),
              text("category", "the REAR category", s -> List.of(s.category())),
              text("tag", "one of its REAR tags", s -> s.tags()),
              text("endpoint", "how a buyer reaches it", s -> List.of(s.endpoint())),
              text("hosting-policy", "Provider, Consumer, Shared", s -> s.hostingPolicies()),
              bool("available", "whether it answers right now", s -> List.of(s.available()))),
          name -> Optional.empty());

  private static List<Attribute<NodeRecord>> nodeAttributes() {
    List<Attribute<NodeRecord>> list = new ArrayList<>();
    list.add(text("name", "the node name", n -> List.of(n.name())));
    list.add(text("architecture", "arm64, amd64, arm", n -> List.of(n.architecture())));
    list.add(text("os", "linux", n -> List.of(n.os())));
    list.add(
        text(
            "board",
            "the board model, e.g. Raspberry Pi 4 Model B Rev 1.4",
            n -> List.of(n.board())));
    list.add(
        text(
            "gpu.model",
            "a GPU's model (or driver when no better name is known)",
            n -> map(n.gpus(), g -> g.model())));
    list.add(text("gpu.vendor", "a GPU's vendor", n -> map(n.gpus(), g -> g.vendor())));
    list.add(bool("kvm", "hardware virtualization usable (VMs can run)", n -> List.of(n.kvm())));
    list.add(bool("ready", "the node is Ready", n -> List.of(n.ready())));
    resources(
        list, "", "free (allocatable minus requested; zero when not ready)", NodeRecord::free);
    resources(list, "allocatable.", "allocatable", NodeRecord::allocatable);
    resources(list, "requested.", "requested by running pods", NodeRecord::requested);
    return list;
  }

  private static void resources(
      List<Attribute<NodeRecord>> list,
      String prefix,
      String what,
      Function<NodeRecord, Resources> of) {
    list.add(quantity(prefix + "cpu", what + " CPU, cores", n -> List.of(of.apply(n).cpu())));
    list.add(
        quantity(prefix + "memory", what + " memory, bytes", n -> List.of(of.apply(n).memory())));
    list.add(
        quantity(
            prefix + "storage",
            what + " ephemeral storage, bytes",
            n -> List.of(of.apply(n).storage())));
    list.add(quantity(prefix + "pods", what + " pods", n -> List.of(of.apply(n).pods())));
    list.add(quantity(prefix + "gpus", what + " GPUs", n -> List.of(of.apply(n).gpus())));
  }

  private static Optional<Attribute<NodeRecord>> label(String name) {
    if (!name.startsWith(LABEL_PREFIX) || name.length() == LABEL_PREFIX.length()) {
      return Optional.empty();
    }
    String key = name.substring(LABEL_PREFIX.length());
    return Optional.of(
        text(
            name,
            "the node label " + key,
            n -> n.labels().containsKey(key) ? List.of(n.labels().get(key)) : List.of()));
  }

  private static <T> Attribute<T> text(String name, String doc, Function<T, List<?>> values) {
    return new Attribute<>(name, Type.TEXT, doc, values);
  }

  private static <T> Attribute<T> bool(String name, String doc, Function<T, List<?>> values) {
    return new Attribute<>(name, Type.BOOLEAN, doc, values);
  }

  private static <T> Attribute<T> quantity(String name, String doc, Function<T, List<?>> values) {
    return new Attribute<>(name, Type.QUANTITY, doc, values);
  }

  private static <E> List<?> map(List<E> list, Function<E, ?> f) {
    return list.stream().map(f).toList();
  }
}
