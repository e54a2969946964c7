package io.minicloud.vim.crd;

/** KubeVirt's run strategies, by their API names. */
public enum RunStrategy {
  Always,
  Halted,
  Manual,
  RerunOnFailure
}
