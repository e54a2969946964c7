package io.minicloud.vim.model;

import io.minicloud.vim.crd.Workload;

/**
 * The pure model (shared/STYLE.md §7): a Workload and the cluster's facts in, the desired objects
 * out. No client, no I/O, deterministic: the same input gives equal objects, so a reconciler can
 * compare and patch only what changed.
 */
public interface WorkloadModel {

  DesiredState desire(Workload workload, ClusterFacts cluster);
}
