package io.minicloud.vim.provision;

/**
 * The virtual machine a VM contract runs: its disk image (a KubeVirt containerDisk) and,
 * optionally, cloud-init user data (how the buyer gets its SSH key in). CPU and memory come from
 * the contract's {@link SliceResources}.
 *
 * @param image containerDisk image reference
 * @param cloudInitUserData {@code #cloud-config} user data, or null
 */
public record VmSpec(String image, String cloudInitUserData) {

  @Override
  public String toString() {
    // user data may carry keys or passwords: never print it
    return "VmSpec[image=" + image + ", cloudInit=" + (cloudInitUserData != null) + "]";
  }
}
