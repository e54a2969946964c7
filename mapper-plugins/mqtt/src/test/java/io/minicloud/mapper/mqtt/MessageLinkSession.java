package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkSession;

/** What the core hands a message-link driver: the connection, and no frames. */
record MessageLinkSession(Connection connection, long requestTimeoutMillis) implements LinkSession {

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) {
    throw new UnsupportedOperationException("an MQTT link has no frames");
  }

  @Override
  public void send(byte[] frame) {
    throw new UnsupportedOperationException("an MQTT link has no frames");
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException("the link's connection is no " + type.getSimpleName());
    }
    return type.cast(connection);
  }
}
