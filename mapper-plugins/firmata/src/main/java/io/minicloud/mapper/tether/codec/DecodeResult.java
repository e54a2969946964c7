package io.minicloud.mapper.tether.codec;

/** What decoding one received frame gave: a frame, or why there is none. */
public sealed interface DecodeResult {

  /** Why a frame was dropped; the firmware drops the same ones (silently, see the spec). */
  enum Error {
    NOT_COBS,
    TOO_SHORT,
    TOO_LONG,
    BAD_CRC,
    UNSUPPORTED_VERSION,
    UNKNOWN_TYPE
  }

  record Ok(TetherFrame frame) implements DecodeResult {}

  record Failed(Error error) implements DecodeResult {}
}
