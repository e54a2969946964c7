package io.minicloud.vim.kubevirt;

/**
 * One way a KubeVirt object breaks KubeVirt's API spec.
 *
 * @param path where, as a field path from the object's root ({@code
 *     spec.template.spec.domain.devices.disks[0].name}); empty for the root itself
 * @param problem what is wrong there ({@code unknown field}, {@code missing required field}, {@code
 *     expected integer, got string}, {@code not one of [Always, Halted]} ...)
 */
public record SchemaViolation(String path, String problem) {

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": " + problem;
  }
}
