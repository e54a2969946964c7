package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * What a contract bought, as Kubernetes quantities: the quota's figures. {@code storage} and {@code
 * gpu} are zero when the contract has none (zero forbids them, it does not leave them open).
 *
 * @param cpu CPU, e.g. {@code 2} or {@code 500m}
 * @param memory memory, e.g. {@code 4Gi}
 * @param pods how many pods may exist at once
 * @param storage persistent and ephemeral storage, each bounded by this figure
 * @param gpu how many GPUs ({@code nvidia.com/gpu})
 */
public record SliceResources(
    Quantity cpu, Quantity memory, Quantity pods, Quantity storage, Quantity gpu) {

  static final Quantity ZERO = new Quantity("0");

  public SliceResources {
    storage = storage == null ? ZERO : storage;
    gpu = gpu == null ? ZERO : gpu;
  }

  public boolean hasStorage() {
    return storage.getNumericalAmount().signum() > 0;
  }
}
