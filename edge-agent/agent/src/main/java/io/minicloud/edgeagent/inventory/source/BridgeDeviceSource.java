package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.edgeagent.inventory.Contribution;
import io.minicloud.edgeagent.inventory.DeviceRecord;
import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.SourceException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of one tether-bridge: its node name ({@code /api/v1/agent}), its device list with
 * states ({@code /api/v1/devices}) and each device's properties ({@code /api/v1/devices/{name}}).
 * At most {@value #MAX_DEVICES} devices are read per bridge, so one refresh stays bounded.
 */
public class BridgeDeviceSource implements InventorySource {

  static final int MAX_DEVICES = 256;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final BoundedHttp http;
  private final boolean local;

  public BridgeDeviceSource(URI base, BoundedHttp http) {
    this.base = base;
    this.http = http;
    this.local = isLoopback(base.getHost());
  }

  @Override
  public String name() {
    return "tether-bridge " + base;
  }

  @Override
  public Contribution read() throws SourceException {
    String node = json("/api/v1/agent").path("node").asText("");
    if (node.isEmpty()) {
      throw new SourceException(base + "/api/v1/agent names no node");
    }
    List<BridgeDeviceMapper.Status> statuses = BridgeDeviceMapper.statuses(json("/api/v1/devices"));
    List<DeviceRecord> devices = new ArrayList<>();
    for (BridgeDeviceMapper.Status status :
        statuses.subList(0, Math.min(MAX_DEVICES, statuses.size()))) {
      JsonNode detail =
          json("/api/v1/devices/" + URLEncoder.encode(status.device(), StandardCharsets.UTF_8));
      DeviceFileFacts.Facts facts =
          local
              ? DeviceFileFacts.read(detail.path("source").asText(null), status.device())
              : DeviceFileFacts.NONE;
      devices.add(BridgeDeviceMapper.toRecord(status, detail, node, facts));
    }
    return Contribution.ofDevices(devices);
  }

  private JsonNode json(String path) throws SourceException {
    URI uri = base.resolve(path);
    try {
      return JSON.readTree(http.get(uri));
    } catch (JsonProcessingException e) {
      throw new SourceException(uri + " answered something that is not JSON", e);
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
