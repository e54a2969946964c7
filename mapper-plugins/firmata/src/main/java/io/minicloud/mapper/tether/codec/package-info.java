/**
 * The tether v1 wire format (docs/api/tether-v1.md) as a pure codec: COBS, CRC-16/CCITT-FALSE,
 * frames and message bodies. No I/O and no threads; hostile input yields a {@link
 * io.minicloud.mapper.tether.codec.DecodeResult} error, never an exception.
 */
package io.minicloud.mapper.tether.codec;
