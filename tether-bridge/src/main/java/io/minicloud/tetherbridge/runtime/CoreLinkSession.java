package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PushSignal;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The core's side of one connection: enforces the inter-request delay and the request timeout,
 * delimits replies with the plugin's {@link FrameReader}, logs frames to the device being served
 * and measures how long the link is busy. Used by one link worker thread at a time.
 */
final class CoreLinkSession implements LinkSession {
  private static final int MAX_FRAME = 64 * 1024;

  private final String linkId;
  private final Connection connection;
  private final LinkPolicy policy;
  private final RuntimeMetrics metrics;
  private final Clock clock;
  private long quietUntilNanos;
  private FrameLog frames;
  private PushSignal push = PushSignal.NONE;

  CoreLinkSession(
      String linkId,
      Connection connection,
      LinkPolicy policy,
      RuntimeMetrics metrics,
      Clock clock) {
    this.linkId = linkId;
    this.connection = connection;
    this.policy = policy;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** The device the next requests are for: their frames go to its log. */
  void serve(FrameLog deviceFrames) {
    this.frames = deviceFrames;
  }

  /** The push signal of the device being attached (see {@link LinkSession#pushSignal()}). */
  void pushTo(PushSignal signal) {
    this.push = signal;
  }

  @Override
  public PushSignal pushSignal() {
    return push;
  }

  Connection connection() {
    return connection;
  }

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) throws IOException {
    ByteConnection bytes = bytes();
    waitQuietTime();
    bytes.discardInput();
    long start = System.nanoTime();
    write(bytes, request);
    byte[] buffer = new byte[256];
    int have = 0;
    long deadline = start + policy.requestTimeout().toNanos();
    try {
      while (true) {
        int need = have == 0 ? FrameReader.NEED_MORE : reader.frameLength(buffer, have);
        if (need != FrameReader.NEED_MORE && have >= need) {
          log("rx", buffer, need, null);
          return Arrays.copyOf(buffer, need);
        }
        if (need > MAX_FRAME) {
          throw new DeviceException(ErrorKind.MALFORMED, "reply claims " + need + " bytes");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log("rx", buffer, have, "timeout after " + have + " bytes");
          throw new DeviceException(
              ErrorKind.TIMEOUT,
              (have == 0 ? "no reply" : "incomplete reply (" + have + " bytes)")
                  + " within "
                  + policy.requestTimeout().toMillis()
                  + " ms");
        }
        if (have == buffer.length || (need != FrameReader.NEED_MORE && need > buffer.length)) {
          buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, need));
        }
        // read what is there (we discard input before each request, so it belongs to this reply)
        int want = need == FrameReader.NEED_MORE ? buffer.length - have : need - have;
        have += bytes.read(buffer, have, want, Math.max(1, left / 1_000_000));
      }
    } catch (DeviceException e) {
      if (e.kind() != ErrorKind.TIMEOUT) {
        log("rx", buffer, have, e.kind().tag());
      }
      throw e;
    } finally {
      finish(start);
    }
  }

  @Override
  public void send(byte[] frame) throws IOException {
    ByteConnection bytes = bytes();
    waitQuietTime();
    long start = System.nanoTime();
    write(bytes, frame);
    finish(start);
  }

  private void write(ByteConnection bytes, byte[] frame) throws IOException {
    log("tx", frame, frame.length, null);
    bytes.write(frame);
  }

  private void finish(long start) {
    long end = System.nanoTime();
    metrics.busy(linkId, end - start);
    quietUntilNanos = end + policy.interRequestDelay().toNanos();
  }

  private void waitQuietTime() {
    long wait;
    while ((wait = quietUntilNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  private void log(String direction, byte[] bytes, int length, String note) {
    if (frames != null) {
      frames.add(clock.instant(), direction, bytes, length, note);
    }
  }

  private ByteConnection bytes() {
    if (connection instanceof ByteConnection b) {
      return b;
    }
    throw new IllegalStateException(linkId + " is a message link, it has no frames to exchange");
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException(
          linkId
              + " holds a "
              + connection.getClass().getSimpleName()
              + ", not "
              + type.getSimpleName());
    }
    return type.cast(connection);
  }

  @Override
  public long requestTimeoutMillis() {
    return policy.requestTimeout().toMillis();
  }
}
