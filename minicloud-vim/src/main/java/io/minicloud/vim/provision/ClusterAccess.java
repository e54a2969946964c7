package io.minicloud.vim.provision;

/**
 * How a buyer reaches the minicloud's API server: not the address the VIM uses (in a pod that is
 * the cluster-internal {@code https://10.43.0.1}), but the one configured as externally reachable.
 *
 * @param serverUrl e.g. {@code https://192.168.1.10:6443}
 * @param caPem the API server's CA certificate (PEM), or null
 */
public record ClusterAccess(String serverUrl, byte[] caPem) {}
