package io.minicloud.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minicloud status}: which agents run on a host, and are they ready. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Show which agents run and whether they are ready.",
    description =
        "Ask every known agent for /api/v1/agent and /q/health/ready and print a table: AGENT,"
            + " STATE (running / not running), HEALTH (UP / DOWN / -), VERSION, PORT, URL.",
    exitCodeListHeading = "%nExit codes (like systemctl status):%n",
    exitCodeList = {
      " 0:at least one agent runs and every running agent is UP",
      " 1:a running agent is not UP",
      " 2:usage error",
      " 3:no agent runs"
    })
final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Host the agents run on (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--json",
      description =
          "Print JSON: {\"exitCode\":..,\"agents\":[{\"agent\",\"state\",\"running\","
              + "\"health\",\"version\",\"port\",\"url\",\"detail\"}]}.")
  boolean json;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "1000",
      description =
          "How long to wait for each agent to connect and answer (default: ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Override
  public Integer call() {
    if (timeoutMs <= 0) {
      throw new ParameterException(spec.commandLine(), "--timeout-ms must be positive");
    }
    try {
      URI.create("http://" + hostForUri() + "/");
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "invalid --host '" + host + "'");
    }
    Duration timeout = Duration.ofMillis(timeoutMs);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    List<CompletableFuture<AgentStatus>> probes =
        AgentCatalog.AGENTS.stream()
            .map(
                agent -> {
                  URI url = URI.create("http://" + hostForUri() + ":" + agent.port() + "/");
                  AgentProbe probe = new AgentProbe(http, url, timeout);
                  return CompletableFuture.supplyAsync(
                      () -> new AgentStatus(agent, url, probe.probe()));
                })
            .toList();
    StatusReport report = new StatusReport(probes.stream().map(CompletableFuture::join).toList());
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? report.json() + "\n" : report.table());
    out.flush();
    return report.exitCode();
  }

  private String hostForUri() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
