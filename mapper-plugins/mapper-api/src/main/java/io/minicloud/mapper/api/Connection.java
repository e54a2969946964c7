package io.minicloud.mapper.api;

/** One open connection of a link. Byte links return a {@link ByteConnection}. */
public interface Connection extends AutoCloseable {

  /** False once the peer closed it or an I/O error made it unusable. */
  boolean isOpen();

  /** Closes quietly: a link that is being torn down has nothing to report. */
  @Override
  void close();
}
