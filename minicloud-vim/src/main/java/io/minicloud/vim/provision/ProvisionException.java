package io.minicloud.vim.provision;

/** Why a provisioning call cannot be answered as asked; the REST layer maps {@link Kind}. */
public final class ProvisionException extends Exception {

  /** The message every detached answer carries: the VIM never fakes credentials. */
  public static final String DETACHED =
      "detached: no Kubernetes cluster, nothing can be provisioned";

  public enum Kind {
    /** No provision for this contract (404). */
    NOT_FOUND,
    /** The contract was revoked, or the same id came with another buyer or flavor (409). */
    CONFLICT,
    /** No cluster (503: a VIM that gains one after a restart can provision). */
    DETACHED,
    /** The cluster refused or failed (502); the message says what, never a secret. */
    FAILED
  }

  private final Kind kind;

  public ProvisionException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
