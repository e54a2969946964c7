package io.minicloud.hil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code ./minicloud demo} run as an operator runs it, with its output collected line by line. */
final class DemoSession implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private DemoSession(Process process) {
    this.process = process;
    Thread reader = new Thread(this::collect, "demo-output");
    reader.setDaemon(true);
    reader.start();
  }

  static DemoSession start(Path repoRoot) throws IOException {
    var builder =
        new ProcessBuilder(repoRoot.resolve("minicloud").toString(), "demo")
            .directory(repoRoot.toFile())
            .redirectErrorStream(true);
    return new DemoSession(builder.start());
  }

  private void collect() {
    try (var in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("<output closed: " + e + ">");
    }
  }

  /** Waits for a line, failing with the whole output when the demo exits or time runs out. */
  String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive() && !lines.stream().anyMatch(wanted)) {
        throw new AssertionError(
            "demo exited with " + process.exitValue() + " before the line came:\n" + output());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such line within " + timeout + ":\n" + output());
  }

  String output() {
    return String.join("\n", lines);
  }

  Process process() {
    return process;
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  void interrupt() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -INT " + process.pid() + " failed");
    }
  }

  @Override
  public void close() throws InterruptedException {
    // Safety net for a failed test: never leave agents running on the machine.
    List<ProcessHandle> all = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    all.forEach(ProcessHandle::destroyForcibly);
  }
}
