package io.minicloud.mapper.api.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Two connected ptys made by socat (a null-modem cable in software): bytes written to one end come
 * out of the other. The ends are symlinks {@code <dir>/<name>-a} and {@code <dir>/<name>-b}.
 */
public final class PtyPair implements AutoCloseable {
  private final Process socat;
  private final Path a;
  private final Path b;

  private PtyPair(Process socat, Path a, Path b) {
    this.socat = socat;
    this.a = a;
    this.b = b;
  }

  /** Why pty pairs cannot be made here, or null when they can. */
  public static String unavailable() {
    return PeerProcess.onPath("socat") ? null : "socat is not installed (apt-get install socat)";
  }

  public static PtyPair start(Path dir, String name) throws IOException, InterruptedException {
    return start(dir.resolve(name + "-a"), dir.resolve(name + "-b"), dir.resolve(name + ".log"));
  }

  /** A pair whose ends are the symlinks {@code a} and {@code b}; socat logs to {@code log}. */
  public static PtyPair start(Path a, Path b, Path log) throws IOException, InterruptedException {
    Files.deleteIfExists(a);
    Files.deleteIfExists(b);
    Process socat =
        PeerProcess.start(
            List.of("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b), log);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!(Files.exists(a) && Files.exists(b))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        PeerProcess.stop(socat);
        throw new IOException("socat made no pty pair:\n" + PeerProcess.tail(log));
      }
      Thread.sleep(20);
    }
    return new PtyPair(socat, a, b);
  }

  /** One end (a symlink to its /dev/pts node). */
  public Path a() {
    return a;
  }

  /** The other end. */
  public Path b() {
    return b;
  }

  @Override
  public void close() throws InterruptedException {
    PeerProcess.stop(socat);
  }
}
