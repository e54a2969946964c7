package io.minicloud.tetherbridge.devices;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A KubeEdge {@code devices.kubeedge.io/v1beta1 Device}; {@code status} (≤ v1.22 twins) is read
 * over and not kept.
 *
 * @param protocolConfig {@code spec.protocol.configData}, opaque: the protocol plugin binds it
 */
public record DeviceDoc(
    String name,
    String namespace,
    String modelRef,
    String nodeName,
    String protocolName,
    Map<String, Object> protocolConfig,
    List<DeviceProperty> properties) {

  public DeviceDoc {
    protocolConfig = Immutables.deepCopy(protocolConfig);
    properties = List.copyOf(properties);
  }

  /** True when the two differ only in report or collect cycles of their properties. */
  boolean differsOnlyInPolling(DeviceDoc other) {
    if (!(name.equals(other.name)
        && Objects.equals(namespace, other.namespace)
        && modelRef.equals(other.modelRef)
        && Objects.equals(nodeName, other.nodeName)
        && protocolName.equals(other.protocolName)
        && protocolConfig.equals(other.protocolConfig)
        && properties.size() == other.properties.size())) {
      return false;
    }
    for (int i = 0; i < properties.size(); i++) {
      if (!properties.get(i).sameExceptPolling(other.properties.get(i))) {
        return false;
      }
    }
    return true;
  }
}
