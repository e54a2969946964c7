package io.minicloud.mapper.api;

import java.io.IOException;
import java.util.Objects;

/**
 * A request to one device failed, but the link is fine: the core counts it against that device's
 * circuit breaker and does not reconnect. Any other {@link IOException} from a driver means the
 * link failed.
 */
public class DeviceException extends IOException {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;

  public DeviceException(ErrorKind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public DeviceException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public ErrorKind kind() {
    return kind;
  }
}
