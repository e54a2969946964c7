package io.minicloud.vim.provision;

/** What a REAR contract bought, as far as provisioning is concerned. */
public enum FlavorKind {
  /** A slice of the cluster: a namespace with a quota and credentials scoped to it. */
  K8Slice,
  /** One virtual machine, run for the buyer in its own namespace. */
  VM;

  /** The REST spelling ({@code K8Slice}, {@code VM}); the REAR wire names are accepted too. */
  public static FlavorKind parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "k8slice", "k8slices" -> K8Slice;
      case "vm", "virtualmachine" -> VM;
      default -> null;
    };
  }
}
