package io.minicloud.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minicloud demo}: every agent on this machine with embedded defaults, until Ctrl-C. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    header = "Run every agent locally with embedded defaults until Ctrl-C.",
    description = {
      "Build the agents that are not built yet, start every agent on 127.0.0.1 with embedded"
          + " defaults and no config file (data under <root>/.minicloud/demo/<agent>/), wait"
          + " until each is ready, and keep them running until Ctrl-C or SIGTERM stops them all.",
      "Each agent's output goes to <root>/.minicloud/demo/<agent>.log; while the demo runs,"
          + " <root>/.minicloud/demo/agents.json lists agent, pid and port."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:stopped by Ctrl-C / SIGTERM",
      " 1:an agent exited or was not ready in time (the tail of its log is printed)",
      " 2:usage error, or no Minicloud source tree at --home",
      " 3:an agent's port is already in use",
      " 4:building the missing agents failed"
    })
final class DemoCommand implements Callable<Integer> {

  /** How long agents get to stop after SIGTERM before they are killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${sys:minicloud.home}",
      description =
          "Repository root (default: set by the ./minicloud launcher, else found from the"
              + " working directory).")
  Path home;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for all agents to be ready (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Override
  public Integer call() throws InterruptedException {
    if (timeoutSeconds <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout must be positive");
    }
    Path root = RepoRoot.resolve(home, Path.of(""));
    DemoSupervisor supervisor =
        new DemoSupervisor(
            new SystemProcessLauncher(
                name -> name.startsWith("QUARKUS_") || name.startsWith("MINICLOUD_")),
            STOP_GRACE);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    DemoSession session =
        new DemoSession(
            new DemoLayout(root),
            AgentCatalog.AGENTS,
            supervisor,
            new AgentBuilder(root, supervisor, spec.commandLine().getOut()),
            AgentCommandLine.currentJava(),
            agent ->
                new AgentProbe(
                    http,
                    URI.create("http://127.0.0.1:" + agent.port() + "/"),
                    Duration.ofSeconds(1)),
            MachineSummary.fromCharAgent(http),
            Duration.ofSeconds(timeoutSeconds),
            spec.commandLine().getOut(),
            spec.commandLine().getErr());
    Thread hook =
        new Thread(
            () -> {
              if (session.shutdown()) {
                // Ctrl-C / SIGTERM is the demo's normal end: exit 0, not the JVM's 130/143.
                Runtime.getRuntime().halt(DemoSession.EXIT_STOPPED);
              }
            },
            "minicloud-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    int code = session.run();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook finishes the job.
    }
    return code;
  }
}
