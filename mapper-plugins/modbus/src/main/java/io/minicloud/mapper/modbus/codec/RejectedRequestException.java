package io.minicloud.mapper.modbus.codec;

/**
 * A server cannot carry out a request and must answer with an exception response. Used by server
 * code (the simulated slave); a client sees the answer as a {@link
 * io.minicloud.mapper.api.DeviceException}.
 */
public final class RejectedRequestException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int function;
  private final ExceptionCode code;

  /**
   * @param function the request's function code as received (may be one we do not know)
   */
  public RejectedRequestException(int function, ExceptionCode code, String message) {
    super(message);
    this.function = function;
    this.code = code;
  }

  public int function() {
    return function;
  }

  public ExceptionCode code() {
    return code;
  }
}
