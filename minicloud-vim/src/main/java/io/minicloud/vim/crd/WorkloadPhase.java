package io.minicloud.vim.crd;

/** Where a Workload stands, as one word for tables; the conditions say more. */
public enum WorkloadPhase {
  /** Applied; not running yet (pulling, scheduling, booting). */
  Pending,
  /** At least one replica / the VM runs. */
  Running,
  /** A VM or unikernel that is halted on purpose, or a container scaled to 0. */
  Stopped,
  /** No node satisfies the hard constraints: see status.placement. */
  Unschedulable,
  /** The spec cannot be turned into objects: see the Ready condition's message. */
  Invalid,
  /** Applied, but the cluster reports a failure. */
  Failed,
  /** No Kubernetes cluster: validated and placed, nothing applied. */
  Detached
}
