package io.minicloud.rear.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.client.RearException.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Go client lacks: a response cap and deadlines. */
class RearClientTransportTest {

  private static final long CAP = 64 * 1024;

  private GoNodeStandIn node;

  @BeforeEach
  void start() throws IOException {
    node = GoNodeStandIn.http();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private RearClient client(Duration requestTimeout) throws IOException {
    return new RearClient(
        RearClientOptions.builder(URI.create(node.url()))
            .maxResponseBytes(CAP)
            .requestTimeout(requestTimeout)
            .build());
  }

  @Test
  void aChunkedBodyBeyondTheCapIsRefused() throws IOException {
    // GIVEN a peer streaming 4 MiB without a Content-Length
    node.mode = GoNodeStandIn.Mode.HUGE_CHUNKED;

    RearException e =
        assertThrows(
            RearException.class, () -> client(Duration.ofSeconds(30)).listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertEquals(
        node.authority()
            + " sent an answer larger than 65536 bytes; refused (is it a REAR provider?)",
        e.getMessage());
  }

  @Test
  void anAnswerOfExactlyTheCapIsReadAndOneByteMoreIsNot() throws IOException {
    RearClient client =
        new RearClient(
            RearClientOptions.builder(URI.create(node.url())).maxResponseBytes(1024).build());
    node.mode = GoNodeStandIn.Mode.SCRIPTED;

    node.script = new GoNodeStandIn.Script(200, "application/json", paddedArray(1024));
    assertDoesNotThrow(() -> client.listFlavors(null, null));
    node.script = new GoNodeStandIn.Script(200, "application/json", paddedArray(1025));
    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
  }

  /** {@code [ ... ]}: an empty JSON array of exactly {@code bytes} bytes. */
  private static String paddedArray(int bytes) {
    return "[" + " ".repeat(bytes - 2) + "]";
  }

  @Test
  void aDeclaredLengthBeyondTheCapIsRefused() throws IOException {
    node.mode = GoNodeStandIn.Mode.HUGE_DECLARED;

    RearException e =
        assertThrows(
            RearException.class, () -> client(Duration.ofSeconds(30)).listFlavors(null, null));

    assertEquals(Kind.PROTOCOL, e.kind());
    assertTrue(e.getMessage().contains("larger than 65536 bytes"), e.getMessage());
  }

  @Test
  void aPeerThatNeverAnswersTimesOut() throws IOException {
    // GIVEN a peer that accepts the request and never answers
    node.mode = GoNodeStandIn.Mode.SILENT;

    RearException e =
        assertThrows(
            RearException.class, () -> client(Duration.ofMillis(300)).listFlavors(null, null));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(0, e.status());
    assertEquals(
        node.authority() + " did not answer within 300 ms; retry later or raise the timeout",
        e.getMessage());
  }

  @Test
  void nothingListeningIsUnreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    RearClient client =
        new RearClient(RearClientOptions.builder(URI.create("http://127.0.0.1:" + port)).build());

    RearException e = assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals(Kind.UNREACHABLE, e.kind());
    assertEquals(
        "nothing answers on 127.0.0.1:"
            + port
            + " (connection refused): is the provider running"
            + " there?",
        e.getMessage());
  }

  @Test
  void aBasePathPrefixIsKept() throws Exception {
    RearClient client =
        new RearClient(RearClientOptions.builder(URI.create(node.url() + "/rear/")).build());

    assertThrows(RearException.class, () -> client.listFlavors(null, null));

    assertEquals("/rear/api/v2/flavors", node.last().rawPath());
  }
}
