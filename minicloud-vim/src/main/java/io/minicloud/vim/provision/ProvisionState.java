package io.minicloud.vim.provision;

/** Where a provision stands; the REST API writes these in lower case. */
public enum ProvisionState {
  /** The namespace and everything in it exist; credentials are issued on request. */
  provisioned,
  /** The contract ended (expired or withdrawn): the namespace is deleted. Final. */
  revoked,
  /** Applying failed; the reason says why. A retried POST tries again. */
  failed
}
