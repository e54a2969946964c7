package io.minicloud.vim.wiring;

import io.minicloud.vim.kubevirt.model.V1VirtualMachine;
import io.minicloud.vim.kubevirt.model.V1VirtualMachineInstance;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Jackson reads and writes the generated KubeVirt models by reflection, which a native image only
 * allows for registered classes. {@code registerFullHierarchy} makes Quarkus register each target
 * with every type reachable through its fields and getters (ObjectMeta, the domain spec, disks,
 * their inner enums...), so the ~200 classes a VirtualMachine uses need no list kept by hand. A
 * kind added to what the VIM emits or reads is added here.
 */
@RegisterForReflection(
    targets = {V1VirtualMachine.class, V1VirtualMachineInstance.class},
    registerFullHierarchy = true)
public final class KubeVirtModelReflection {
  private KubeVirtModelReflection() {}
}
