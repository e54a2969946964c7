package io.minicloud.tetherbridge.devices;

import java.util.Map;

/**
 * One property of a KubeEdge {@code Device} ({@code spec.properties[]}).
 *
 * <p>KubeEdge's {@code reportCycle} and {@code collectCycle} are Go {@code time.Duration} values,
 * i.e. nanoseconds; they are converted to milliseconds here. {@code 0} means "not set, use the
 * core's default".
 *
 * @param visitorConfig {@code visitors.configData}, opaque: the protocol plugin binds it
 * @param desiredValue {@code desired.value}, or {@code null}
 */
public record DeviceProperty(
    String name,
    String visitorProtocol,
    Map<String, Object> visitorConfig,
    long reportCycleMs,
    long collectCycleMs,
    boolean reportToCloud,
    String desiredValue) {

  public DeviceProperty {
    visitorConfig = Immutables.deepCopy(visitorConfig);
  }

  /** Same property apart from the polling fields (report and collect cycle). */
  boolean sameExceptPolling(DeviceProperty other) {
    return name.equals(other.name)
        && visitorProtocol.equals(other.visitorProtocol)
        && visitorConfig.equals(other.visitorConfig)
        && reportToCloud == other.reportToCloud
        && java.util.Objects.equals(desiredValue, other.desiredValue);
  }
}
