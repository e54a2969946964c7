package io.minicloud.mapper.api;

import java.io.IOException;

/**
 * The core's handle on a connected link, given to a driver for one call. The core serializes
 * requests per connection, waits the link's inter-request delay, applies the request timeout, logs
 * frames for field debugging and counts bytes for bus utilisation.
 */
public interface LinkSession {

  /**
   * Sends one request frame and returns the one reply frame {@code reader} delimits. Input left
   * over from an earlier request is discarded first.
   *
   * @throws DeviceException ({@link ErrorKind#TIMEOUT}) when no complete reply came in time
   * @throws IOException when the link failed
   */
  byte[] exchange(byte[] request, FrameReader reader) throws IOException;

  /** Sends a frame that gets no reply (a Modbus broadcast). */
  void send(byte[] frame) throws IOException;

  /**
   * The connection object of a message link (MQTT), as its {@link LinkSpec.Opener} returned it.
   *
   * @throws IllegalStateException when the connection is of another type
   */
  <C extends Connection> C connection(Class<C> type);

  /** The link's request timeout, for message links that wait for replies themselves. */
  long requestTimeoutMillis();

  /**
   * During {@link DeviceDriver#attach}: the signal for the device being attached, valid for as long
   * as this connection lasts (keep it in the connection's state). Outside attach, {@link
   * PushSignal#NONE}.
   */
  default PushSignal pushSignal() {
    return PushSignal.NONE;
  }
}
