package io.minicloud.hil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One start of one agent: time to ready, Quarkus's own start time, and RSS once idle. */
final class AgentLaunch {
  private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

  /** What one launch measured. */
  record Sample(double readyMillis, double quarkusMillis, double rssMiB, double pssMiB) {}

  private final Path appDir;
  private final String agentName;

  AgentLaunch(Path appDir, String agentName) {
    this.appDir = appDir;
    this.agentName = agentName;
  }

  Sample run(List<String> jvmFlags, Duration idle, Path scratch) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile(scratch, agentName, ".log");
    // The JVM that runs the bench is the one the AppCDS archives were dumped with at build.
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmFlags);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dminicloud." + agentName + ".data-dir=" + scratch.resolve(agentName));
    command.addAll(List.of("-jar", "quarkus-run.jar"));

    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .directory(appDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      awaitReady(process, port, log);
      double readyMillis = (System.nanoTime() - start) / 1e6;
      Thread.sleep(idle.toMillis());
      long pid = process.pid();
      return new Sample(
          readyMillis,
          quarkusStartedMillis(log),
          kibField("/proc/" + pid + "/status", "VmRSS:") / 1024.0,
          kibField("/proc/" + pid + "/smaps_rollup", "Pss:") / 1024.0);
    } finally {
      process.destroy();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private void awaitReady(Process process, int port, Path log) throws Exception {
    var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(agentName + " exited:\n" + Files.readString(log));
      }
      try {
        var response = HTTP.send(ready.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // expected until the HTTP server is up
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(agentName + " not ready in 60 s:\n" + Files.readString(log));
  }

  private static double quarkusStartedMillis(Path log) throws IOException {
    Matcher m = STARTED_IN.matcher(Files.readString(log));
    return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
  }

  /**
   * A kB field of a /proc file. RSS is what the process maps; PSS splits pages shared with other
   * processes (the JDK's CDS archive, libjvm) among them, so it is what each agent adds to a
   * gateway that runs several.
   */
  static long kibField(String file, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of(file))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
      }
    }
    throw new IOException("no " + field + " in " + file);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
