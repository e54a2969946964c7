package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReportTest {

  private static final Agent CHAR = new Agent("char-agent", "char-agent", 9101);
  private static final Agent S3 = new Agent("storage-gateway", "storage-gateway", 9000);

  private static AgentStatus row(Agent agent, ProbeResult result) {
    return new AgentStatus(agent, URI.create("http://127.0.0.1:" + agent.port() + "/"), result);
  }

  private static final ProbeResult UP =
      ProbeResult.running(ProbeResult.Health.UP, null).withVersion("0.1.0");
  private static final ProbeResult DOWN =
      ProbeResult.running(ProbeResult.Health.DOWN, "status DOWN").withVersion("0.1.0");
  private static final ProbeResult OFF = ProbeResult.notRunning("connection refused");

  @Test
  void tableAlignsColumnsAndShowsDashesForUnknowns() {
    // GIVEN one agent up and one not running
    StatusReport report = new StatusReport(List.of(row(CHAR, UP), row(S3, OFF)));

    // WHEN formatted THEN an aligned table
    assertEquals(
        "AGENT            STATE        HEALTH  VERSION  PORT  URL\n"
            + "char-agent       running      UP      0.1.0    9101  http://127.0.0.1:9101/\n"
            + "storage-gateway  not running  -       -        9000  http://127.0.0.1:9000/\n",
        report.table());
  }

  @Test
  void exitCodesFollowSystemctl() {
    // GIVEN / WHEN / THEN: all running agents UP -> 0
    assertEquals(0, new StatusReport(List.of(row(CHAR, UP), row(S3, OFF))).exitCode());
    // a running agent DOWN -> 1
    assertEquals(1, new StatusReport(List.of(row(CHAR, UP), row(S3, DOWN))).exitCode());
    // nothing running -> 3
    assertEquals(3, new StatusReport(List.of(row(CHAR, OFF), row(S3, OFF))).exitCode());
    assertEquals(3, new StatusReport(List.of()).exitCode());
  }

  @Test
  void jsonIsMachineReadable() {
    // GIVEN a DOWN agent and a stopped one
    StatusReport report = new StatusReport(List.of(row(CHAR, DOWN), row(S3, OFF)));

    // WHEN rendered as JSON and read back
    Map<?, ?> doc = (Map<?, ?>) Json.parse(report.json());

    // THEN the exit code and one object per agent with null for unknowns
    assertEquals(1L, doc.get("exitCode"));
    List<?> agents = (List<?>) doc.get("agents");
    Map<?, ?> first = (Map<?, ?>) agents.get(0);
    assertEquals("char-agent", first.get("agent"));
    assertEquals("running", first.get("state"));
    assertEquals(true, first.get("running"));
    assertEquals("DOWN", first.get("health"));
    assertEquals(9101L, first.get("port"));
    assertEquals("status DOWN", first.get("detail"));
    Map<?, ?> second = (Map<?, ?>) agents.get(1);
    assertEquals("not running", second.get("state"));
    assertEquals(false, second.get("running"));
    assertEquals(null, second.get("health"));
    assertEquals(null, second.get("version"));
  }
}
