package io.minicloud.tetherbridge.devices;

/**
 * A KubeEdge v1.23+ {@code DeviceStatus} document: accepted so files exported from a cluster load
 * as they are, recorded by name, otherwise ignored (the bridge keeps its own twin).
 */
public record DeviceStatusDoc(String name, String namespace) {}
