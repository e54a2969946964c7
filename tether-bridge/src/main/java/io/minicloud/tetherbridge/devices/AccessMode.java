package io.minicloud.tetherbridge.devices;

/** KubeEdge {@code ModelProperty.accessMode}: {@code ReadWrite} or {@code ReadOnly}. */
public enum AccessMode {
  READ_WRITE("ReadWrite"),
  READ_ONLY("ReadOnly");

  private final String kubeEdgeName;

  AccessMode(String kubeEdgeName) {
    this.kubeEdgeName = kubeEdgeName;
  }

  public String kubeEdgeName() {
    return kubeEdgeName;
  }

  /** Returns the mode for KubeEdge's spelling, or {@code null} when it is not one. */
  static AccessMode fromKubeEdge(String name) {
    for (AccessMode mode : values()) {
      if (mode.kubeEdgeName.equals(name)) {
        return mode;
      }
    }
    return null;
  }
}
