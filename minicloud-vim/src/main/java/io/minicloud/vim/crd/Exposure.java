package io.minicloud.vim.crd;

/** How a workload's ports are reachable. */
public enum Exposure {
  /** No Service. */
  None,
  /** A ClusterIP Service: reachable inside the minicloud. */
  ClusterIP,
  /** A NodePort Service: reachable on every gateway's address. */
  NodePort
}
