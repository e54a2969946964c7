package io.minicloud.mapper.tether.codec;

/** Why the MCU refused a well-formed request (the body of a NACK). */
public enum NackReason {
  UNKNOWN(0),
  UNSUPPORTED_VERSION(1),
  UNKNOWN_TYPE(2),
  BAD_LENGTH(3),
  BAD_PIN(4),
  BAD_MODE(5),
  NOT_CONFIGURED(6),
  BAD_VALUE(7),
  FAILSAFE_ACTIVE(8);

  private final int code;

  NackReason(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The reason for a code; {@link #UNKNOWN} for codes a newer firmware may add. */
  public static NackReason of(int code) {
    for (NackReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    return UNKNOWN;
  }
}
