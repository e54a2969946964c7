package io.minicloud.edgeagent.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.edgeagent.inventory.source.BoundedHttp;
import io.minicloud.edgeagent.monitoring.PrometheusText.Sample;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A node's usage from its char-agent: the node name from {@code /api/v1/agent}, the figures from
 * {@code /q/metrics}: {@code system_cpu_usage} (Micrometer's whole-host CPU gauge), {@code
 * minicloud_char_memory_total_bytes} and {@code _available_bytes}, {@code
 * minicloud_char_filesystem_used_bytes{mount="/"}} and the hottest {@code
 * minicloud_char_temperature_celsius}.
 */
public class CharAgentUsage {

  static final String CPU = "system_cpu_usage";
  static final String MEM_TOTAL = "minicloud_char_memory_total_bytes";
  static final String MEM_AVAILABLE = "minicloud_char_memory_available_bytes";
  static final String FS_USED = "minicloud_char_filesystem_used_bytes";
  static final String TEMPERATURE = "minicloud_char_temperature_celsius";
  static final Set<String> WANTED = Set.of(CPU, MEM_TOTAL, MEM_AVAILABLE, FS_USED, TEMPERATURE);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BoundedHttp http;

  public CharAgentUsage(BoundedHttp http) {
    this.http = http;
  }

  public NodeUsage read(URI base) throws SourceException {
    URI agent = base.resolve("/api/v1/agent");
    String node;
    try {
      node = JSON.readTree(http.get(agent)).path("node").asText("");
    } catch (JsonProcessingException e) {
      throw new SourceException(agent + " answered something that is not JSON", e);
    }
    if (node.isEmpty()) {
      node = base.getHost();
    }
    String text = http.get(base.resolve("/q/metrics"), "text/plain");
    return usage(node, PrometheusText.parse(text, WANTED));
  }

  static NodeUsage usage(String node, List<Sample> samples) {
    Double cpu = first(samples, CPU, null);
    Double total = first(samples, MEM_TOTAL, null);
    Double available = first(samples, MEM_AVAILABLE, null);
    Double disk = first(samples, FS_USED, "/");
    Double hottest = null;
    for (Sample s : samples) {
      if (s.name().equals(TEMPERATURE) && !Double.isNaN(s.value())) {
        hottest = hottest == null ? s.value() : Math.max(hottest, s.value());
      }
    }
    Double used = total == null || available == null ? null : total - available;
    return new NodeUsage(node, "char-agent", cpu, null, used, total, disk, hottest);
  }

  private static Double first(List<Sample> samples, String name, String mount) {
    for (Sample s : samples) {
      if (s.name().equals(name)
          && (mount == null || mount.equals(s.labels().get("mount")))
          && !Double.isNaN(s.value())) {
        return s.value();
      }
    }
    return null;
  }
}
