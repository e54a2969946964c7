package io.minicloud.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every minicloud-vim command shares (where the VIM is, how long to wait) and the
 * client they build. Their exit codes are the same: 1 the VIM answered an error, 2 usage, 3
 * unreachable.
 */
abstract class VimCommand implements Callable<Integer> {

  /** For each command's {@code exitCodeList}; README's table says the same. */
  static final String FAILED =
      " 1:minicloud-vim answered an error: its error and problems on stderr";

  static final String USAGE =
      " 2:usage error (an unknown option, a bad NAME, --namespace or --vim)";

  static final String UNREACHABLE = " 3:minicloud-vim is not running or did not answer in time";

  @Spec CommandSpec spec;

  @Option(
      names = "--vim",
      paramLabel = "URL",
      defaultValue = VimClient.DEFAULT_URL,
      description = "minicloud-vim's API (default: ${DEFAULT-VALUE}).")
  String vimUrl;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "How long to wait for each answer (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  /** The client for {@code --vim}; a bad URL or timeout is a usage error. */
  VimClient vim() {
    if (timeoutMs <= 0) {
      throw usage("--timeout-ms must be positive");
    }
    URI base;
    try {
      base = URI.create(vimUrl);
    } catch (IllegalArgumentException e) {
      throw usage("invalid --vim '" + vimUrl + "'");
    }
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))
        || base.getHost() == null) {
      throw usage("--vim must be http://HOST:PORT, not '" + vimUrl + "'");
    }
    Duration timeout = Duration.ofMillis(timeoutMs);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
    return new VimClient(http, base, timeout);
  }

  /** A namespace option's value checked: a DNS-1123 label, or null when not given. */
  String namespace(String given) {
    if (given != null && !WorkloadFile.isName(given)) {
      throw usage("--namespace '" + given + "' is not a DNS-1123 label");
    }
    return given;
  }

  /** The VIM's error answer as a failure (exit 1); {@code what} says what was asked. */
  static CliFailure refused(String what, VimClient vim, VimResponse response) {
    return new CliFailure(
        1,
        what
            + ": minicloud-vim at "
            + vim.where()
            + " answered "
            + response.status()
            + ": "
            + response.explanation());
  }

  /** Prints {@code text} as lines on stdout; nothing at all when it is empty. */
  void print(String text) {
    if (text.isEmpty()) {
      return;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text.endsWith("\n") ? text : text + "\n");
    out.flush();
  }

  Instant now() {
    return Instant.now();
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
