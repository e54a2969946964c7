package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.FakeAgent;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.rear.quantity.Quantity;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a fake char-agent on a JDK HttpServer, answering well and badly. */
class CharAgentNodeSourceTest {

  private FakeAgent agent;
  private CharAgentNodeSource source;

  @BeforeEach
  void setUp() throws Exception {
    agent = new FakeAgent();
    BoundedHttp http = new BoundedHttp(Duration.ofMillis(1500), 1 << 20);
    source = new CharAgentNodeSource(agent.base(), http, Quantity.ZERO, 110);
  }

  @AfterEach
  void tearDown() {
    agent.close();
  }

  @Test
  void readsTheCharacterizationAtTheCharAgentsPath() throws Exception {
    agent.json("/characterization", FakeAgent.resource("/fixtures/char-agent.rpi4b.json"));

    var nodes = source.read().nodes();

    assertEquals(1, nodes.size());
    assertEquals("rpi4b-bookworm64", nodes.get(0).name());
  }

  @Test
  void garbageIsAClearError() {
    agent.json("/characterization", "<html>hello</html>");

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
  }

  @Test
  void anErrorStatusIsAnError() {
    agent.route("/characterization", ex -> FakeAgent.send(ex, 503, "{}"));

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
  }

  @Test
  void aHugeAnswerIsRefusedAtTheCap() {
    agent.route("/characterization", FakeAgent.huge(8L << 20));

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("larger than 1048576 bytes"), e.getMessage());
  }

  @Test
  void aServerThatNeverFinishesItsBodyTimesOut() {
    agent.route("/characterization", FakeAgent.trickle());

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains("did not answer within 1500 ms"), e.getMessage());
  }

  @Test
  void nobodyListeningIsAnError() {
    agent.close();

    var e = assertThrows(SourceException.class, source::read);

    assertTrue(e.getMessage().contains(agent.base().toString()), e.getMessage());
  }
}
