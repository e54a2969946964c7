package io.minicloud.rear.client;

/**
 * A REAR call that did not succeed, typed so callers can react (retry on {@link Kind#NOT_READY},
 * list again on {@link Kind#NOT_FOUND}, reserve again on {@link Kind#EXPIRED}). The message says
 * what happened, where, and what to do; it never holds the bearer token or a kubeconfig.
 */
public final class RearException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of failure, independent of whether a Go node or our provider answered. */
  public enum Kind {
    /** 404, or a Go node's 500 for an unknown flavor or transaction id. */
    NOT_FOUND,
    /** 408: the transaction's time to purchase has passed. */
    EXPIRED,
    /** 409: no capacity left for the flavor. */
    CONFLICT,
    /** 503: a Go node answers this until its Liqo is ready. */
    NOT_READY,
    /** 401 or 403: no, or a wrong, token or client certificate. */
    UNAUTHORIZED,
    /** 400: the provider refused the request; the message carries its reason. */
    BAD_REQUEST,
    /** Any other error status (a 5xx that is not an unknown id, 405, ...). */
    SERVER_ERROR,
    /** No connection, TLS failure, or no answer within the timeout. */
    UNREACHABLE,
    /** An answer that is not REAR: malformed or truncated JSON, HTML, too large. */
    PROTOCOL
  }

  private final int status;
  private final Kind kind;

  /**
   * @param status the HTTP status, or 0 when there was no HTTP answer
   */
  public RearException(int status, Kind kind, String message) {
    super(message);
    this.status = status;
    this.kind = kind;
  }

  public RearException(int status, Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.kind = kind;
  }

  /** The HTTP status, 0 when the peer never answered (UNREACHABLE) or the answer was cut. */
  public int status() {
    return status;
  }

  public Kind kind() {
    return kind;
  }
}
