package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code minicloud characterize} against a JDK HttpServer standing in for the char-agent's HTTP
 * behaviour (GET /characterization); the real agent is exercised by its own tests and hil-tests.
 */
class CharacterizeCommandTest {

  private static final String JSON_DOC =
      "{\n  \"schemaVersion\" : \"1.0\",\n  \"node\" : \"gw\"\n}\n";
  private static final String TOSCA_DOC = "tosca_definitions_version: \"tosca_simple_yaml_1_2\"\n";

  private HttpServer server;
  private final AtomicReference<String> lastQuery = new AtomicReference<>();
  private final AtomicReference<String> lastAccept = new AtomicReference<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A stand-in agent: answers like the char-agent, or with {@code code}/{@code body} if set. */
  private String agent(int code, String type, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/characterization",
        ex -> {
          String query = ex.getRequestURI().getRawQuery();
          lastQuery.set(URLDecoder.decode(query == null ? "" : query, StandardCharsets.UTF_8));
          lastAccept.set(ex.getRequestHeaders().getFirst("Accept"));
          if (code != 0) {
            answer(ex, code, type, body);
          } else if (lastQuery.get().contains("format=tosca")) {
            answer(ex, 200, "application/yaml", TOSCA_DOC);
          } else {
            answer(ex, 200, "application/json", JSON_DOC);
          }
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private static void answer(HttpExchange ex, int code, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void helpDocumentsOptionsAndExitCodes() {
    CliRun run = CliRun.of("characterize", "--help");

    assertEquals(0, run.exitCode(), run.err());
    for (String text :
        new String[] {
          "--format", "--root", "--url", "--timeout-ms", "Exit codes", "allow-root-override"
        }) {
      assertTrue(run.out().contains(text), text + " missing from:\n" + run.out());
    }
    assertTrue(CliRun.of("--help").out().contains("characterize"));
  }

  @Test
  void printsTheAgentsJsonByDefault() throws IOException {
    // GIVEN a running agent
    String url = agent(0, null, null);

    // WHEN characterize runs with no format
    CliRun run = CliRun.of("characterize", "--url", url);

    // THEN the document is printed as the agent wrote it, and JSON was asked for
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(JSON_DOC, run.out());
    assertEquals("format=json", lastQuery.get());
    assertEquals("application/json", lastAccept.get());
  }

  @Test
  void printsToscaWhenAsked() throws IOException {
    String url = agent(0, null, null);

    CliRun run = CliRun.of("characterize", "--format", "tosca", "--url", url);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(TOSCA_DOC, run.out());
    assertEquals("application/yaml", lastAccept.get());
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliRun run = CliRun.of("characterize", "--format", "xml");

    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().startsWith("minicloud characterize: --format must be json or tosca, not 'xml'\n"),
        run.err());
  }

  @Test
  void noAgentSaysHowToStartOne() throws IOException {
    // GIVEN nothing listens on the agent's port
    int port = freePort();

    // WHEN characterize runs
    CliRun run = CliRun.of("characterize", "--url", "http://127.0.0.1:" + port + "/");

    // THEN exit 1 and what to do
    assertEquals(1, run.exitCode());
    assertEquals(
        "minicloud characterize: char-agent is not running on 127.0.0.1:"
            + port
            + ": start it with `./minicloud demo` or `systemctl start minicloud-char-agent`\n",
        run.err());
    assertEquals("", run.out());
  }

  @Test
  void rootIsForwardedAsAnAbsolutePath(@TempDir Path tree) throws IOException {
    String url = agent(0, null, null);

    CliRun run = CliRun.of("characterize", "--root", tree.toString(), "--url", url);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("format=json&root=" + tree.toAbsolutePath().normalize(), lastQuery.get());
  }

  @Test
  void anAgentThatRefusesRootSaysHowToAllowIt(@TempDir Path tree) throws IOException {
    // GIVEN an agent started without allow-root-override (it answers 403)
    String url =
        agent(403, "application/json", "{\"error\":\"this char-agent only characterizes /\"}");

    // WHEN characterize asks for another root
    CliRun run = CliRun.of("characterize", "--root", tree.toString(), "--url", url);

    // THEN exit 1 and the setting to change
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("does not accept --root"), run.err());
    assertTrue(run.err().contains("-Dminicloud.char-agent.allow-root-override=true"), run.err());
  }

  @Test
  void aRootThatIsNotADirectoryIsAUsageError(@TempDir Path tmp) {
    CliRun run = CliRun.of("characterize", "--root", tmp.resolve("missing").toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is not a directory"), run.err());
  }

  @Test
  void rootIsNeverSentToAnotherMachine(@TempDir Path tree) {
    CliRun run =
        CliRun.of("characterize", "--root", tree.toString(), "--url", "http://192.0.2.1:9101/");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("only works with a char-agent on loopback"), run.err());
  }

  @Test
  void anAgentErrorIsShownAsOneLine() throws IOException {
    String url = agent(500, "application/json", "{\"error\":\"probe exploded\"}");

    CliRun run = CliRun.of("characterize", "--url", url);

    assertEquals(1, run.exitCode());
    assertTrue(run.err().endsWith("answered HTTP 500: probe exploded\n"), run.err());
  }

  @Test
  void somethingElseOnThePortIsNamed() throws IOException {
    String url = agent(200, "text/html", "<html>hello</html>");

    CliRun run = CliRun.of("characterize", "--url", url);

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("not a char-agent (Content-Type 'text/html'"), run.err());
  }
}
