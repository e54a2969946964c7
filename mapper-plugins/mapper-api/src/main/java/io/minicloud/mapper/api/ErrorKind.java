package io.minicloud.mapper.api;

/** Why a request to a device failed; a metrics tag ({@code kind}) and part of every error. */
public enum ErrorKind {
  /** No (complete) reply within the request timeout. */
  TIMEOUT,
  /** A reply arrived with a wrong checksum. */
  CRC,
  /** A reply that does not parse, or answers another request. */
  MALFORMED,
  /** The device answered with a protocol error (a Modbus exception response, ...). */
  DEVICE_EXCEPTION,
  /** The reply parsed, but its value fails the property's type or transform. */
  DECODE,
  /** The written value did not read back. */
  VERIFY,
  /** The value has not been seen yet, or is older than allowed (push protocols). */
  NO_DATA,
  /** The link itself failed (socket closed, port gone): the core reconnects. */
  LINK;

  /** The lower-case tag value used in metrics and JSON. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
