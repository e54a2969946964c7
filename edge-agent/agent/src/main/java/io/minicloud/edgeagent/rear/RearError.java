package io.minicloud.edgeagent.rear;

/**
 * A REAR call that cannot be served, with the HTTP status it maps to and a message for the buyer
 * (never a secret, never a stack trace). {@code field} names the offending input when there is one.
 */
public final class RearError extends Exception {

  private static final long serialVersionUID = 1L;
  private final int status;
  private final String field;

  public RearError(int status, String message) {
    this(status, message, null);
  }

  public RearError(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }

  public static RearError badRequest(String field, String message) {
    return new RearError(400, message, field);
  }
}
