package io.minicloud.mapper.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkSession;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An in-memory link that plays a {@link FrameScript}: it checks every request byte for byte and
 * hands back the scripted reply, delimited by the driver's own {@link FrameReader} exactly as the
 * core would (a reply shorter than the reader asks for is a timeout).
 */
public final class ScriptedLinkSession implements LinkSession {
  /** The driver went past the end of the script (hostile variants cut scripts short). */
  public static final class ScriptExhausted extends AssertionError {
    private static final long serialVersionUID = 1L;

    ScriptExhausted(String message) {
      super(message);
    }
  }

  private final Deque<FrameScript.Step> steps;
  private final Connection connection;

  public ScriptedLinkSession(FrameScript script) {
    this(script, null);
  }

  /** For message links: {@link #connection} returns {@code connection}. */
  public ScriptedLinkSession(FrameScript script, Connection connection) {
    this.steps = new ArrayDeque<>(script.steps());
    this.connection = connection;
  }

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) throws IOException {
    send(request);
    FrameScript.Step reply = steps.poll();
    if (reply == null) {
      throw new ScriptExhausted("the script ends before this reply");
    }
    if (reply.request()) {
      throw new AssertionError("script expects no reply here, but the driver waits for one");
    }
    if (reply.silent()) {
      throw new DeviceException(ErrorKind.TIMEOUT, "scripted peer stays silent");
    }
    return delimit(reply.bytes(), reader);
  }

  /** What the core does with arriving bytes: ask the reader until it knows the frame's length. */
  static byte[] delimit(byte[] arrived, FrameReader reader) throws DeviceException {
    for (int have = 1; have <= arrived.length; have++) {
      int need = reader.frameLength(arrived, have);
      if (need != FrameReader.NEED_MORE && need <= have) {
        return java.util.Arrays.copyOf(arrived, need);
      }
      if (need != FrameReader.NEED_MORE && need > arrived.length) {
        break;
      }
    }
    throw new DeviceException(ErrorKind.TIMEOUT, "reply incomplete: " + arrived.length + " bytes");
  }

  @Override
  public void send(byte[] frame) {
    FrameScript.Step expected = steps.poll();
    if (expected == null) {
      throw new ScriptExhausted("driver sent " + Hex.format(frame) + " after the script ended");
    }
    if (!expected.request()) {
      throw new AssertionError("driver sent " + Hex.format(frame) + " but the script expects none");
    }
    assertEquals(Hex.format(expected.bytes()), Hex.format(frame), "request frame");
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException("no " + type.getSimpleName() + " in this scripted session");
    }
    return type.cast(connection);
  }

  @Override
  public long requestTimeoutMillis() {
    return 100;
  }

  /** Fails the test when the driver did not play the whole script. */
  public void assertFinished() {
    assertTrue(steps.isEmpty(), () -> steps.size() + " scripted steps were never played");
  }
}
