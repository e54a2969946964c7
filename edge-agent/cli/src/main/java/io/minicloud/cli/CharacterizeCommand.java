package io.minicloud.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minicloud characterize}: print this gateway's characterization (JSON or TOSCA). */
@Command(
    name = "characterize",
    mixinStandardHelpOptions = true,
    header = "Print this gateway's hardware characterization as JSON or TOSCA.",
    description = {
      "Asks the running char-agent (GET /characterization?format=json|tosca) and prints the"
          + " document: JSON following docs/api/characterization.schema.json, or TOSCA Simple"
          + " Profile in YAML 1.2.",
      "",
      "--root DIR characterizes a directory (a captured tree, a mounted image) instead of /. It"
          + " is sent to a char-agent on this machine only, and that agent must have been started"
          + " with minicloud.char-agent.allow-root-override=true."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the document was printed",
      " 1:no char-agent runs, it refused --root, or it answered with an error",
      " 2:usage error"
    })
final class CharacterizeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "json|tosca",
      defaultValue = "json",
      description = "Document format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Characterize this directory instead of the agent's root (see above).")
  Path root;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:9101/",
      description = "The char-agent (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "How long to wait for the char-agent (default: ${DEFAULT-VALUE}).")
  int timeoutMs;

  @Override
  public Integer call() {
    CharacterizationClient.Format documentFormat =
        switch (format) {
          case "json" -> CharacterizationClient.Format.JSON;
          case "tosca" -> CharacterizationClient.Format.TOSCA;
          default -> throw usage("--format must be json or tosca, not '" + format + "'");
        };
    if (timeoutMs <= 0) {
      throw usage("--timeout-ms must be positive");
    }
    URI base;
    try {
      base = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw usage("invalid --url '" + url + "'");
    }
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw usage("--url must be http://HOST:PORT/, not '" + url + "'");
    }
    Path dir = null;
    if (root != null) {
      dir = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw usage("--root " + dir + " is not a directory");
      }
      if (!CharacterizationClient.isLoopback(base)) {
        throw usage(
            "--root names a directory on this machine: it only works with a char-agent on"
                + " loopback, not "
                + base.getAuthority());
      }
    }
    Duration timeout = Duration.ofMillis(timeoutMs);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    String document = new CharacterizationClient(http, base, timeout).fetch(documentFormat, dir);
    PrintWriter out = spec.commandLine().getOut();
    out.print(document);
    out.flush();
    return 0;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
