package io.minicloud.edgeagent.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.inventory.ServiceRecord;
import io.minicloud.edgeagent.inventory.SourceState;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/**
 * The inventory's JSON form (docs/api/edge-agent-inventory-v1.md), written explicitly rather than
 * by reflection so the wire shape is a contract: quantities are canonical Kubernetes strings, a
 * node carries its computed {@code free} resources, times are ISO-8601 UTC.
 */
public final class InventoryJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private InventoryJson() {}

  public static ObjectNode snapshot(InventorySnapshot s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("takenAt", time(s.takenAt()));
    root.put("clustered", s.clustered());
    root.put("kubevirt", s.kubevirt());
    ArrayNode sources = root.putArray("sources");
    s.sources().forEach(src -> sources.add(source(src)));
    root.set("nodes", items(s.nodes()));
    root.set("devices", items(s.devices()));
    root.set("services", items(s.services()));
    return root;
  }

  /** Any inventory item (node, device or service) as JSON. */
  public static ArrayNode items(List<?> items) {
    ArrayNode array = JSON.createArrayNode();
    for (Object item : items) {
      if (item instanceof NodeRecord n) {
        array.add(node(n));
      } else if (item instanceof DeviceRecord d) {
        array.add(device(d));
      } else if (item instanceof ServiceRecord s) {
        array.add(service(s));
      }
    }
    return array;
  }

  static ObjectNode node(NodeRecord n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", n.name());
    o.put("architecture", n.architecture());
    o.put("os", n.os());
    o.put("board", n.board());
    o.put("ready", n.ready());
    o.put("kvm", n.kvm());
    o.set("allocatable", resources(n.allocatable()));
    o.set("requested", resources(n.requested()));
    o.set("free", resources(n.free()));
    ArrayNode gpus = o.putArray("gpus");
    for (NodeRecord.GpuRecord g : n.gpus()) {
      gpus.addObject()
          .put("model", g.model())
          .put("vendor", g.vendor())
          .put("cores", g.cores())
          .put("memoryBytes", g.memoryBytes());
    }
    ObjectNode labels = o.putObject("labels");
    new TreeMap<>(n.labels()).forEach(labels::put);
    return o;
  }

  static ObjectNode device(DeviceRecord d) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", d.id());
    o.put("node", d.node());
    o.put("model", d.model());
    o.put("protocol", d.protocol());
    o.put("health", d.health());
    o.put("online", d.online());
    o.put("lastSeen", time(d.lastSeen()));
    ArrayNode properties = o.putArray("properties");
    for (DeviceRecord.PropertyRecord p : d.properties()) {
      properties
          .addObject()
          .put("name", p.name())
          .put("type", p.type())
          .put("unit", p.unit())
          .put("samplingMillis", p.samplingMillis())
          .put("writable", p.writable());
    }
    return o;
  }

  static ObjectNode service(ServiceRecord s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.put("kind", s.kind());
    o.put("description", s.description());
    o.put("category", s.category());
    s.tags().forEach(o.putArray("tags")::add);
    o.put("endpoint", s.endpoint());
    s.hostingPolicies().forEach(o.putArray("hostingPolicies")::add);
    o.set("configurationTemplate", s.configurationTemplate());
    o.put("available", s.available());
    return o;
  }

  static ObjectNode source(SourceState s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.put("stale", s.stale());
    o.put("error", s.error());
    o.put("lastSuccess", time(s.lastSuccess()));
    o.put("ageSeconds", s.ageSeconds());
    return o;
  }

  private static ObjectNode resources(Resources r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("cpu", r.cpu().toString());
    o.put("memory", r.memory().toString());
    o.put("storage", r.storage().toString());
    o.put("pods", r.pods().toString());
    o.put("gpus", r.gpus().toString());
    return o;
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
