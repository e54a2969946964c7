package io.minicloud.rear.peers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Go REAR peer: Kubernetes' own {@code resource.Quantity} and Go's {@code encoding/json} with the
 * FLUIDOS node's wire structs ({@code src/test/go/rearpeer/main.go}), so tests learn what a Go node
 * makes of our text. Built on first use and cached ({@link GoRearPeerBuild}); needs Debian's
 * golang-go for that first build.
 */
public final class GoRearPeer {

  /**
   * What Go's {@code ParseQuantity} said about one input: the canonical form Go computes ({@code
   * CanonicalizeBytes}), and what its {@code String()} and JSON encoding write, which is the input
   * itself when Go judged it canonical enough ({@code "+5"}, {@code "1E3"}).
   */
  public record Result(String input, boolean ok, String canonical, String written, String error) {}

  /** What Go's {@code Cmp} said about a pair (sign -1, 0 or 1), or why it could not compare. */
  public record Comparison(String left, String right, boolean ok, int sign, String error) {}

  /** What a Go node's {@code json.Unmarshal} + {@code json.Marshal} made of a document. */
  public record DecodeResult(boolean ok, String output, String error) {}

  /** Kinds {@link #decode} knows: the node's wire documents. */
  public static final List<String> KINDS =
      List.of(
          "flavor-list",
          "flavor",
          "transaction",
          "contract",
          "reserve-request",
          "purchase-request");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 60;

  /** Pipe readers and writers block, so they get threads of their own, not the common pool. */
  private static final ExecutorService PIPES =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "rearpeer-pipe");
            thread.setDaemon(true);
            return thread;
          });

  private static GoRearPeer instance;

  private final Path binary;

  private GoRearPeer(Path binary) {
    this.binary = binary;
  }

  /** The peer, built (or found in the cache) on first use. */
  public static synchronized GoRearPeer get() throws IOException {
    if (instance == null) {
      instance = new GoRearPeer(GoRearPeerBuild.binary());
    }
    return instance;
  }

  /** Parses every input with {@code resource.ParseQuantity} in one process. */
  public List<Result> canonical(List<String> quantities) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String q : quantities) {
      lines.add(quoted(q));
    }
    List<String> answers = lineByLine(lines, "quantity", "--quoted");
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      String answer = answers.get(i);
      if (answer.startsWith("OK ")) {
        String[] forms = answer.substring(3).split(" ", 2);
        results.add(new Result(quantities.get(i), true, forms[0], forms[1], null));
      } else {
        results.add(new Result(quantities.get(i), false, null, null, error(answer)));
      }
    }
    return results;
  }

  /** Compares each pair with {@code Cmp} in one process; pairs are {@code [left, right]}. */
  public List<Comparison> compare(List<List<String>> pairs) throws IOException {
    List<String> lines = new ArrayList<>();
    for (List<String> pair : pairs) {
      lines.add("[" + quoted(pair.get(0)) + "," + quoted(pair.get(1)) + "]");
    }
    List<String> answers = lineByLine(lines, "compare");
    List<Comparison> results = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      String answer = answers.get(i);
      boolean ok = answer.startsWith("OK ");
      String left = pairs.get(i).get(0);
      String right = pairs.get(i).get(1);
      results.add(
          ok
              ? new Comparison(left, right, true, Integer.parseInt(answer.substring(3)), null)
              : new Comparison(left, right, false, 0, error(answer)));
    }
    return results;
  }

  /**
   * Decodes {@code json} as a Go node decodes a document of {@code kind} ({@link #KINDS}) and
   * re-encodes it; a failure carries Go's error, as the node would log it.
   */
  public DecodeResult decode(String kind, String json) throws IOException {
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException("unknown kind " + kind + ", expected one of " + KINDS);
    }
    Process process = start("decode", kind);
    CompletableFuture<String> stderr = stderr(process);
    try (OutputStream in = process.getOutputStream()) {
      in.write(json.getBytes(StandardCharsets.UTF_8));
    }
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = exitCode(process);
    String errors = await(stderr).strip();
    return exit == 0
        ? new DecodeResult(true, stdout.strip(), null)
        : new DecodeResult(false, null, errors.isEmpty() ? "exit " + exit : errors);
  }

  private List<String> lineByLine(List<String> lines, String... mode) throws IOException {
    Process process = start(mode);
    // a watchdog: some inputs make Go compute for ever (1e2147483648), and a blocked readLine
    // would otherwise hang the build instead of failing it. Only on timeout: destroying also
    // closes our end of the pipes, which would cut off output still being read after a normal exit
    process
        .onExit()
        .orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .exceptionally(
            timeout -> {
              process.destroyForcibly();
              return process;
            });
    CompletableFuture<String> stderr = stderr(process);
    // written from another thread: with thousands of lines both pipes fill up
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (Writer in =
                  new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                for (String line : lines) {
                  in.write(line);
                  in.write('\n');
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            PIPES);
    List<String> answers = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String answer = out.readLine(); answer != null; answer = out.readLine()) {
        answers.add(answer);
      }
    }
    await(writer);
    int exit = exitCode(process);
    if (exit != 0 || answers.size() != lines.size()) {
      throw new IOException(
          "rearpeer "
              + String.join(" ", mode)
              + " exited "
              + exit
              + " (killed after "
              + TIMEOUT_SECONDS
              + " s if it hung)"
              + " after "
              + answers.size()
              + " of "
              + lines.size()
              + " answers: "
              + await(stderr));
    }
    return answers;
  }

  private Process start(String... mode) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of(mode));
    return new ProcessBuilder(command).start();
  }

  private static CompletableFuture<String> stderr(Process process) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        PIPES);
  }

  private static int exitCode(Process process) throws IOException {
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("rearpeer did not finish within " + TIMEOUT_SECONDS + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for rearpeer", e);
    }
  }

  private static <T> T await(CompletableFuture<T> future) throws IOException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IOException("talking to rearpeer failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("rearpeer's pipes stalled for " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while talking to rearpeer", e);
    }
  }

  private static String error(String answer) {
    return answer.startsWith("ERR ") ? answer.substring(4) : answer;
  }

  /** A JSON string literal: the peer reads one per line, so any character survives the pipe. */
  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot quote " + text, e);
    }
  }
}
