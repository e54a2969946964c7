package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PushSignal;

/** What the core hands a CoAP driver: the connection, a push signal, and no frames. */
public record CoapTestSession(Connection connection, long requestTimeoutMillis, PushSignal signal)
    implements LinkSession {

  public CoapTestSession(Connection connection, long requestTimeoutMillis) {
    this(connection, requestTimeoutMillis, PushSignal.NONE);
  }

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) {
    throw new UnsupportedOperationException("a CoAP link has no frames");
  }

  @Override
  public void send(byte[] frame) {
    throw new UnsupportedOperationException("a CoAP link has no frames");
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException("the link's connection is no " + type.getSimpleName());
    }
    return type.cast(connection);
  }

  @Override
  public PushSignal pushSignal() {
    return signal;
  }
}
