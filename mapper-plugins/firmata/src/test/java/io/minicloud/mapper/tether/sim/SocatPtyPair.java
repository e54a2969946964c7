package io.minicloud.mapper.tether.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Two connected ptys made by socat (PEERS.md): what one end writes, the other reads. */
public final class SocatPtyPair implements AutoCloseable {
  private final Process socat;
  private final Path a;
  private final Path b;

  private SocatPtyPair(Process socat, Path a, Path b) {
    this.socat = socat;
    this.a = a;
    this.b = b;
  }

  public static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/socat"));
  }

  public static SocatPtyPair start(Path dir) throws IOException, InterruptedException {
    Path a = dir.resolve("pty-a");
    Path b = dir.resolve("pty-b");
    Process socat =
        new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (System.nanoTime() > deadline || !socat.isAlive()) {
        socat.destroyForcibly();
        throw new IOException(
            "socat did not create its ptys: " + Files.readString(dir.resolve("socat.log")));
      }
      Thread.sleep(20);
    }
    return new SocatPtyPair(socat, a, b);
  }

  /** The end the host opens. */
  public String hostEnd() {
    return a.toString();
  }

  /** The end the proxy opens. */
  public String proxyEnd() {
    return b.toString();
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(2, TimeUnit.SECONDS)) {
        socat.destroyForcibly();
      }
    } catch (InterruptedException e) {
      socat.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
