package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.tether.codec.DecodeResult;
import io.minicloud.mapper.tether.codec.FrameCodec;
import io.minicloud.mapper.tether.codec.FrameSplitter;
import io.minicloud.mapper.tether.codec.McuMessage;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.TetherFrame;
import java.io.IOException;
import java.time.Duration;

/** Frame-by-frame requests to the firmware, without the host's retries and restore logic. */
final class RawTetherLine implements AutoCloseable {
  private final SerialConnection line;
  private final FrameSplitter splitter = new FrameSplitter();

  RawTetherLine(SerialConnection line) {
    this.line = line;
  }

  McuMessage exchange(TetherFrame frame) throws IOException {
    return exchange(FrameCodec.encode(frame));
  }

  /** Sends wire bytes and returns the next reply (events skipped). */
  McuMessage exchange(byte[] wire) throws IOException {
    line.write(new byte[] {0});
    line.write(wire);
    byte[] buffer = new byte[128];
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      int n = line.read(buffer, 0, buffer.length, 100);
      for (byte[] encoded : splitter.feed(buffer, 0, n)) {
        if (FrameCodec.decode(encoded) instanceof DecodeResult.Ok ok
            && ok.frame().type() != MessageType.EVENT) {
          return McuMessage.parse(ok.frame()).orElseThrow();
        }
      }
    }
    throw new AssertionError("no reply within 5 s");
  }

  McuMessage ack(TetherFrame frame) throws IOException {
    return ack(FrameCodec.encode(frame));
  }

  McuMessage ack(byte[] wire) throws IOException {
    McuMessage reply = exchange(wire);
    assertEquals(MessageType.ACK, reply.type(), () -> "NACK " + reply.nackReason());
    return reply;
  }

  @Override
  public void close() {
    line.close();
  }
}
