package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What one contract becomes: its namespace and the objects to create, in apply order (the namespace
 * first, the quota and limit range before anything that could run, the binding after its role and
 * account, the VM last).
 */
public record ProvisionPlan(String namespace, List<HasMetadata> objects) {

  public ProvisionPlan {
    objects = List.copyOf(objects);
  }
}
