package io.minicloud.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * One {@code minicloud demo} run: build what is missing, start every built agent with embedded
 * defaults, wait until all are ready, then keep them running until {@link #shutdown()} (Ctrl-C) or
 * until one dies.
 */
final class DemoSession {

  static final int EXIT_STOPPED = 0;
  static final int EXIT_AGENT_FAILED = 1;
  static final int EXIT_PORT_TAKEN = 3;
  static final int EXIT_BUILD_FAILED = 4;

  private static final Duration POLL = Duration.ofMillis(200);

  /** How long a dead agent may precede our own SIGINT: a terminal's Ctrl-C reaches both. */
  private static final Duration SIGNAL_RACE = Duration.ofMillis(500);

  private static final int LOG_TAIL_LINES = 30;

  private final DemoLayout layout;
  private final List<Agent> agents;
  private final DemoSupervisor supervisor;
  private final AgentBuilder builder;
  private final AgentCommandLine commandLine;
  private final Function<Agent, AgentProbe> probes;
  private final Function<List<Agent>, List<String>> machineLines;
  private final Duration readyTimeout;
  private final PrintWriter out;
  private final PrintWriter err;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopping;
  private boolean finished;

  /** Why an agent did not make it. */
  private record Failure(Agent agent, Path log, String reason) {}

  DemoSession(
      DemoLayout layout,
      List<Agent> agents,
      DemoSupervisor supervisor,
      AgentBuilder builder,
      AgentCommandLine commandLine,
      Function<Agent, AgentProbe> probes,
      Function<List<Agent>, List<String>> machineLines,
      Duration readyTimeout,
      PrintWriter out,
      PrintWriter err) {
    this.layout = layout;
    this.agents = List.copyOf(agents);
    this.supervisor = supervisor;
    this.builder = builder;
    this.commandLine = commandLine;
    this.probes = probes;
    this.machineLines = machineLines;
    this.readyTimeout = readyTimeout;
    this.out = out;
    this.err = err;
  }

  /** Runs the demo; returns only when it is over, with the exit code. */
  int run() throws InterruptedException {
    try {
      return runAgents();
    } catch (IOException e) {
      return fail(null, "cannot start the demo: " + e.getMessage());
    }
  }

  /**
   * Stops everything (the shutdown hook calls this). Returns {@code true} when this call stopped a
   * running demo, {@code false} when {@link #run()} had already ended it.
   */
  boolean shutdown() {
    synchronized (this) {
      if (!finished) {
        stopping = true;
      }
    }
    supervisor.stopAll();
    if (!isStopping()) {
      return false;
    }
    deleteAgentsJson();
    out.println("minicloud demo: stopped");
    out.flush();
    stopped.countDown();
    return true;
  }

  private int runAgents() throws IOException, InterruptedException {
    Path root = layout.repoRoot();
    List<Agent> missing = builder.missing(agents);
    int built = builder.build(missing);
    if (isStopping()) {
      return awaitStop();
    }
    if (built != 0) {
      return finish(EXIT_BUILD_FAILED, "building the agents failed; see the Maven output above");
    }
    List<Agent> present = agents.stream().filter(a -> Files.isRegularFile(a.runJar(root))).toList();
    if (present.isEmpty()) {
      return finish(EXIT_AGENT_FAILED, "no agent is built under " + root);
    }
    for (Agent agent : present) {
      if (!PortCheck.isFree(agent.port())) {
        return finish(
            EXIT_PORT_TAKEN,
            "port "
                + agent.port()
                + " for "
                + agent.name()
                + " is already in use (a demo or the agent already running? see minicloud status)");
      }
    }
    if (DemoDevices.needed(present) && !PortCheck.isFree(DemoDevices.MODBUS_PORT)) {
      return finish(
          EXIT_PORT_TAKEN,
          "port "
              + DemoDevices.MODBUS_PORT
              + " for the demo's simulated Modbus device is already in use");
    }
    boolean board = DemoDevices.boardAvailable(ExecutableLookup.fromEnvironment());
    out.println(
        "minicloud demo: starting "
            + present.size()
            + " agents; each agent's output goes to "
            + layout.dir()
            + "/<agent>.log");
    out.flush();
    Map<Agent, AgentProcess> started = new LinkedHashMap<>();
    if (DemoDevices.needed(present)) {
      DemoDevices.install(layout, board);
    }
    for (Agent agent : present) {
      Files.createDirectories(layout.dataDir(agent));
      List<String> command =
          commandLine.command(
              agent,
              agent.appDir(root),
              layout.dataDir(agent),
              DemoDevices.settings(agent, layout, board));
      started.put(
          agent, supervisor.start(agent.name(), command, agent.appDir(root), layout.log(agent)));
    }
    writeAgentsJson(started);
    Failure failure = awaitReady(started);
    if (isStopping()) {
      return awaitStop();
    }
    if (failure != null) {
      return fail(failure, failure.agent().name() + " " + failure.reason());
    }
    for (Agent agent : present) {
      out.println(
          "  "
              + agent.name()
              + "  http://127.0.0.1:"
              + agent.port()
              + "/  (log: "
              + layout.log(agent)
              + ")");
    }
    machineLines.apply(present).forEach(out::println);
    DemoDevices.hints(present, board).forEach(out::println);
    out.println("minicloud demo: " + present.size() + " agents ready, Ctrl-C stops them");
    out.flush();
    return watch(started);
  }

  private Failure awaitReady(Map<Agent, AgentProcess> started) throws InterruptedException {
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    Map<Agent, AgentProbe> pending = new LinkedHashMap<>();
    started.keySet().forEach(agent -> pending.put(agent, probes.apply(agent)));
    Map<Agent, ProbeResult> last = new LinkedHashMap<>();
    while (!pending.isEmpty() && !isStopping()) {
      for (Agent agent : new ArrayList<>(pending.keySet())) {
        AgentProcess process = started.get(agent);
        if (!process.isAlive()) {
          String reason =
              "exited with code " + process.process().exitValue() + " before it was ready";
          return new Failure(agent, process.log(), reason);
        }
        ProbeResult result = pending.get(agent).readiness();
        last.put(agent, result);
        if (result.isUp()) {
          pending.remove(agent);
        }
      }
      if (!pending.isEmpty() && System.nanoTime() > deadline) {
        Agent agent = pending.keySet().iterator().next();
        ProbeResult result = last.get(agent);
        String seen = result.health() == ProbeResult.Health.DOWN ? "DOWN" : "no answer";
        String detail = result.detail() == null ? "" : ", " + result.detail();
        String reason =
            "not ready after " + readyTimeout.toSeconds() + " s (last: " + seen + detail + ")";
        return new Failure(agent, started.get(agent).log(), reason);
      }
      Thread.sleep(POLL.toMillis());
    }
    return null;
  }

  /** Blocks while all agents run; an agent that dies on its own ends the demo with a failure. */
  private int watch(Map<Agent, AgentProcess> started) throws InterruptedException {
    List<AgentProcess> processes = new ArrayList<>(started.values());
    while (true) {
      for (AgentProcess process : processes) {
        if (!process.isAlive()) {
          Thread.sleep(SIGNAL_RACE.toMillis());
          if (isStopping()) {
            return awaitStop();
          }
          Agent agent =
              started.entrySet().stream()
                  .filter(e -> e.getValue() == process)
                  .findFirst()
                  .orElseThrow()
                  .getKey();
          String reason = "exited with code " + process.process().exitValue();
          return fail(new Failure(agent, process.log(), reason), agent.name() + " " + reason);
        }
      }
      if (isStopping()) {
        return awaitStop();
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private int fail(Failure failure, String message) throws InterruptedException {
    int code = finish(EXIT_AGENT_FAILED, message);
    if (isStopping()) {
      return code;
    }
    if (failure != null) {
      err.println("minicloud demo: last lines of " + failure.log() + ":");
      LogTail.lastLines(failure.log(), LOG_TAIL_LINES).forEach(line -> err.println("  " + line));
      err.flush();
    }
    return code;
  }

  /** Ends the demo on a failure: one line on stderr, every child stopped, agents.json removed. */
  private int finish(int code, String message) throws InterruptedException {
    synchronized (this) {
      if (stopping) {
        return awaitStop();
      }
      finished = true;
    }
    err.println("minicloud demo: " + message);
    err.flush();
    supervisor.stopAll();
    deleteAgentsJson();
    return code;
  }

  private int awaitStop() throws InterruptedException {
    stopped.await();
    return EXIT_STOPPED;
  }

  private synchronized boolean isStopping() {
    return stopping;
  }

  private void writeAgentsJson(Map<Agent, AgentProcess> started) throws IOException {
    List<Object> entries = new ArrayList<>();
    started.forEach(
        (agent, process) -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("agent", agent.name());
          entry.put("pid", process.pid());
          entry.put("port", agent.port());
          entry.put("log", process.log().toString());
          entries.add(entry);
        });
    Path tmp = layout.agentsJson().resolveSibling("agents.json.tmp");
    Files.writeString(tmp, Json.write(entries) + "\n");
    Files.move(tmp, layout.agentsJson(), StandardCopyOption.REPLACE_EXISTING);
  }

  private void deleteAgentsJson() {
    try {
      Files.deleteIfExists(layout.agentsJson());
    } catch (IOException e) {
      err.println("minicloud demo: cannot delete " + layout.agentsJson() + ": " + e.getMessage());
    }
  }
}
