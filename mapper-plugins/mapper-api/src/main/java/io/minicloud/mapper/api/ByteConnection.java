package io.minicloud.mapper.api;

import java.io.IOException;

/** A connection that moves bytes (serial port, TCP socket); codecs frame them. */
public interface ByteConnection extends Connection {

  void write(byte[] bytes) throws IOException;

  /**
   * Reads up to {@code len} bytes, waiting at most {@code timeoutMillis} for the first.
   *
   * @return the number of bytes read, 0 on timeout
   * @throws java.io.EOFException when the peer closed the connection
   */
  int read(byte[] buffer, int offset, int len, long timeoutMillis) throws IOException;

  /** Drops whatever is waiting to be read (a late reply to a request that timed out). */
  void discardInput() throws IOException;
}
