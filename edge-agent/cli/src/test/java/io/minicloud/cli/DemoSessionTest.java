package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's failure and stop paths with real child processes. A shell script stands in for {@code
 * java} so no agent needs to be built; the happy path with real agents is a hil-tests system test.
 */
class DemoSessionTest {

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final DemoSupervisor supervisor =
      new DemoSupervisor(new SystemProcessLauncher(), Duration.ofMillis(500));
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(300)).build();

  @AfterEach
  void cleanUp() {
    supervisor.stopAll();
  }

  /** A built-looking agent module whose "java" is the given shell script. */
  private DemoSession session(Agent agent, String javaScript, Duration timeout) throws IOException {
    Files.createDirectories(agent.appDir(root));
    Files.writeString(root.resolve(agent.moduleDir()).resolve("pom.xml"), "<project/>");
    Files.writeString(agent.runJar(root), "not a jar");
    Path java = root.resolve("fake-java");
    Files.writeString(java, "#!/bin/sh\n" + javaScript + "\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    PrintWriter o = new PrintWriter(out, true);
    return new DemoSession(
        new DemoLayout(root),
        List.of(agent),
        supervisor,
        new AgentBuilder(root, supervisor, o),
        new AgentCommandLine(java),
        a -> new AgentProbe(http, URI.create("http://127.0.0.1:" + a.port() + "/"), timeout),
        present -> List.of(),
        timeout,
        o,
        new PrintWriter(err, true));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void takenPortFailsFastNamingAgentAndPort() throws Exception {
    // GIVEN something already listens on the agent's port
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Agent agent = new Agent("fake-agent", "fake", taken.getLocalPort());
      DemoSession session = session(agent, "exec sleep 60", Duration.ofSeconds(5));

      // WHEN the demo runs
      int code = session.run();

      // THEN exit 3, the agent and port named, nothing started
      assertEquals(DemoSession.EXIT_PORT_TAKEN, code);
      assertTrue(
          err.toString().startsWith("minicloud demo: port " + agent.port() + " for fake-agent"),
          err.toString());
      assertTrue(supervisor.children().isEmpty());
    }
  }

  @Test
  void agentThatDiesShowsTheTailOfItsLog() throws Exception {
    // GIVEN an agent that prints an error and exits 7
    Agent agent = new Agent("fake-agent", "fake", freePort());
    DemoSession session =
        session(agent, "echo 'boom: no such thing'; exit 7", Duration.ofSeconds(10));

    // WHEN the demo runs
    int code = session.run();

    // THEN exit 1, the reason on one line, then the log tail; agents.json removed
    assertEquals(DemoSession.EXIT_AGENT_FAILED, code);
    String text = err.toString();
    assertTrue(
        text.startsWith("minicloud demo: fake-agent exited with code 7 before it was ready\n"),
        text);
    assertTrue(text.contains("  boom: no such thing"), text);
    assertFalse(Files.exists(new DemoLayout(root).agentsJson()));
  }

  @Test
  void agentNeverReadyTimesOutAndIsStopped() throws Exception {
    // GIVEN an agent that runs but never answers on its port
    Agent agent = new Agent("fake-agent", "fake", freePort());
    DemoSession session = session(agent, "exec sleep 60", Duration.ofSeconds(1));

    // WHEN the demo runs with a 1 s timeout
    int code = session.run();

    // THEN exit 1 saying so, and the agent process is gone
    assertEquals(DemoSession.EXIT_AGENT_FAILED, code);
    assertTrue(
        err.toString()
            .startsWith("minicloud demo: fake-agent not ready after 1 s (last: no answer"),
        err.toString());
    assertTrue(supervisor.children().isEmpty());
  }

  @Test
  void shutdownStopsAgentsAndRemovesAgentsJson() throws Exception {
    // GIVEN a demo waiting for an agent, with its data dir and agents.json written
    Agent agent = new Agent("fake-agent", "fake", freePort());
    DemoSession session = session(agent, "exec sleep 60", Duration.ofSeconds(30));
    CompletableFuture<Integer> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return session.run();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    DemoLayout layout = new DemoLayout(root);
    for (int i = 0; i < 100 && !Files.exists(layout.agentsJson()); i++) {
      Thread.sleep(50);
    }
    Map<?, ?> entry =
        (Map<?, ?>) ((List<?>) Json.parse(Files.readString(layout.agentsJson()))).get(0);
    long pid = (Long) entry.get("pid");
    assertEquals("fake-agent", entry.get("agent"));
    assertEquals((long) agent.port(), entry.get("port"));
    assertTrue(Files.isDirectory(layout.dataDir(agent)));

    // WHEN the shutdown hook's work runs (Ctrl-C)
    boolean stoppedIt = session.shutdown();

    // THEN the run ends with 0, the agent is gone and so is agents.json
    assertTrue(stoppedIt);
    assertEquals(DemoSession.EXIT_STOPPED, run.get(10, TimeUnit.SECONDS));
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    assertFalse(Files.exists(layout.agentsJson()));
    assertTrue(out.toString().endsWith("minicloud demo: stopped\n"), out.toString());
    assertTrue(out.toString().contains(layout.dir() + "/<agent>.log"), out.toString());
  }

  @Test
  void shutdownAfterAFailedRunDoesNothing() throws Exception {
    // GIVEN a demo that already ended on its own
    Agent agent = new Agent("fake-agent", "fake", freePort());
    DemoSession session = session(agent, "exit 1", Duration.ofSeconds(5));
    session.run();

    // WHEN the JVM's shutdown hook runs THEN it leaves the exit code alone
    assertFalse(session.shutdown());
  }
}
