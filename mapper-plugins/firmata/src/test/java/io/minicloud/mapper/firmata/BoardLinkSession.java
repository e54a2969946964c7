package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PushSignal;

/** What the core hands a message-link driver: the connection, no frames, and a push signal. */
record BoardLinkSession(Connection connection, long requestTimeoutMillis, PushSignal pushSignal)
    implements LinkSession {

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) {
    throw new UnsupportedOperationException("a Firmata link has no request/reply frames");
  }

  @Override
  public void send(byte[] frame) {
    throw new UnsupportedOperationException("a Firmata link has no request/reply frames");
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException("the link's connection is no " + type.getSimpleName());
    }
    return type.cast(connection);
  }
}
