package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's request/reply handling on an in-memory byte connection (a FAKE peer, scripted). */
class CoreLinkSessionTest {
  /** Replies are {@code [length, ...]}: the first byte says how long the frame is. */
  private static final FrameReader LENGTH_PREFIXED = (buffer, length) -> buffer[0] & 0xFF;

  /** Answers each write with the next scripted chunks; records writes and their times. */
  private static final class ScriptedBytes implements ByteConnection {
    final Deque<byte[]> pending = new ArrayDeque<>();
    final List<List<byte[]>> script = new ArrayList<>();
    final List<Long> writeTimes = new ArrayList<>();
    int discarded;
    byte[] stale = new byte[0];

    @Override
    public void write(byte[] bytes) {
      writeTimes.add(System.nanoTime());
      if (!script.isEmpty()) {
        pending.addAll(script.remove(0));
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int len, long timeoutMillis) throws IOException {
      byte[] chunk = pending.poll();
      if (chunk == null) {
        try {
          Thread.sleep(Math.min(timeoutMillis, 20));
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        return 0;
      }
      int n = Math.min(len, chunk.length);
      System.arraycopy(chunk, 0, buffer, offset, n);
      if (n < chunk.length) {
        pending.addFirst(java.util.Arrays.copyOfRange(chunk, n, chunk.length));
      }
      return n;
    }

    @Override
    public void discardInput() {
      discarded++;
      stale = new byte[0];
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void close() {}
  }

  private final ScriptedBytes bytes = new ScriptedBytes();
  private final FrameLog frames = new FrameLog(8);

  private CoreLinkSession session(Duration delay, Duration timeout) {
    CoreLinkSession s =
        new CoreLinkSession(
            "fake:1",
            bytes,
            new LinkPolicy(1, delay, timeout),
            RuntimeMetrics.NONE,
            Clock.systemUTC());
    s.serve(frames);
    return s;
  }

  @Test
  void aReplyInPiecesIsDelimitedByThePluginsFrameReader() throws Exception {
    // GIVEN a reply that arrives in two pieces, followed by trailing noise
    bytes.script.add(List.of(new byte[] {4, 1}, new byte[] {2, 3, 9, 9}));
    // WHEN exchanged THEN exactly the 4-byte frame comes back, and both frames are logged
    byte[] reply =
        session(Duration.ZERO, Duration.ofMillis(500)).exchange(new byte[] {7}, LENGTH_PREFIXED);
    assertArrayEquals(new byte[] {4, 1, 2, 3}, reply);
    assertEquals(
        List.of("tx", "rx"), frames.last(10).stream().map(FrameLog.Frame::direction).toList());
    assertEquals("04 01 02 03", frames.last(1).get(0).hex());
    assertEquals(1, bytes.discarded, "stale input is dropped before each request");
  }

  @Test
  void anIncompleteReplyIsATimeoutNotAValueAndIsLoggedAsSuch() {
    bytes.script.add(List.<byte[]>of(new byte[] {5, 1, 2}));
    DeviceException e =
        assertThrows(
            DeviceException.class,
            () ->
                session(Duration.ZERO, Duration.ofMillis(100))
                    .exchange(new byte[] {7}, LENGTH_PREFIXED));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().startsWith("incomplete reply (3 bytes)"), e.getMessage());
    assertEquals("timeout after 3 bytes", frames.last(1).get(0).note());
  }

  @Test
  void silenceIsATimeout() {
    DeviceException e =
        assertThrows(
            DeviceException.class,
            () ->
                session(Duration.ZERO, Duration.ofMillis(50))
                    .exchange(new byte[] {7}, LENGTH_PREFIXED));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().startsWith("no reply within 50 ms"), e.getMessage());
  }

  @Test
  void aMalformedReplyIsReportedByTheReaderAndLogged() {
    bytes.script.add(List.<byte[]>of(new byte[] {0x7F}));
    FrameReader picky =
        (buffer, length) -> {
          throw new DeviceException(ErrorKind.MALFORMED, "not a reply");
        };
    DeviceException e =
        assertThrows(
            DeviceException.class,
            () -> session(Duration.ZERO, Duration.ofMillis(100)).exchange(new byte[] {7}, picky));
    assertEquals(ErrorKind.MALFORMED, e.kind());
    assertEquals("malformed", frames.last(1).get(0).note());
  }

  @Test
  void theInterRequestDelayKeepsTheLineQuietBetweenRequests() throws Exception {
    CoreLinkSession s = session(Duration.ofMillis(30), Duration.ofMillis(500));
    for (int i = 0; i < 3; i++) {
      bytes.script.add(List.<byte[]>of(new byte[] {1}));
      s.exchange(new byte[] {7}, LENGTH_PREFIXED);
    }
    for (int i = 1; i < 3; i++) {
      long gapMillis = (bytes.writeTimes.get(i) - bytes.writeTimes.get(i - 1)) / 1_000_000;
      assertTrue(
          gapMillis >= 30,
          "requests " + (i - 1) + " and " + i + " only " + gapMillis + " ms apart");
    }
  }
}
