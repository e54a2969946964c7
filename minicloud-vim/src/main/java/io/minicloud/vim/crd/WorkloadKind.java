package io.minicloud.vim.crd;

/** What a Workload becomes: a Deployment, a KubeVirt VirtualMachine, or a unikernel VM. */
public enum WorkloadKind {
  Container,
  VirtualMachine,
  Unikernel;

  /** Whether this kind runs as a virtual machine (KVM or emulation) on the default path. */
  public boolean isVirtualMachine() {
    return this != Container;
  }
}
