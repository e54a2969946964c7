package io.minicloud.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole gateway on the virtual board: {@code ./minicloud demo} starts every agent on embedded
 * defaults, {@code ./minicloud status} sees them healthy, every agent's metrics page is valid for
 * Prometheus's own checker, and Ctrl-C leaves no process behind.
 */
@Tag("hil")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VirtualBoardIT {
  private static final Path ROOT = BoardAgent.repoRoot();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static DemoSession demo;

  @BeforeAll
  static void startDemo() throws Exception {
    assertEquals(
        "virtual",
        System.getProperty("hil.board", "virtual"),
        "only the virtual board profile exists so far; a real-board profile needs a Pi");
    for (BoardAgent agent : BoardAgent.values()) {
      assertTrue(
          portIsFree(agent.port()),
          "port " + agent.port() + " (" + agent.agentName() + ") is taken: stop what uses it");
    }
    demo = DemoSession.start(ROOT);
    demo.awaitLine(l -> l.matches("minicloud demo: \\d+ agents ready.*"), Duration.ofMinutes(4));
  }

  @AfterAll
  static void stopDemo() throws Exception {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  @Order(1)
  void demoPrintsEveryAgentsUrl() {
    String out = demo.output();
    for (BoardAgent agent : BoardAgent.values()) {
      assertTrue(
          out.contains("http://127.0.0.1:" + agent.port() + "/"),
          agent.agentName() + " URL missing from:\n" + out);
    }
    assertTrue(out.contains("minicloud demo: 5 agents ready"), out);
  }

  @Test
  @Order(1)
  void demoShowsThisMachinesCharacterization() {
    String out = demo.output();
    int cores = Runtime.getRuntime().availableProcessors();
    assertTrue(out.contains("  this machine: "), out);
    assertTrue(out.contains("x" + cores + ", " + kernelArch() + ", KVM"), out);
    assertTrue(out.contains("characterization?format=json"), out);
  }

  @Test
  @Order(2)
  void charAgentServesValidatedCharacterizationOfThisMachine() throws Exception {
    JsonNode doc =
        new ObjectMapper().readTree(get(BoardAgent.CHAR_AGENT, "/characterization?format=json"));
    assertEquals("1.0", doc.path("schemaVersion").asText());
    assertEquals(kernelArch(), doc.path("cpu").path("architecture").asText());
    assertEquals(Runtime.getRuntime().availableProcessors(), doc.path("cpu").path("cores").asInt());
    assertTrue(doc.path("memory").path("totalBytes").asLong() > 0, doc.toString());
  }

  @Test
  @Order(2)
  void statusReportsEveryAgentRunningHealthyWithItsVersion() throws Exception {
    var status = run(List.of(ROOT.resolve("minicloud").toString(), "status", "--json"), null);

    assertEquals(0, status.exitCode(), status.output());
    JsonNode agents = new ObjectMapper().readTree(status.output()).path("agents");
    for (BoardAgent agent : BoardAgent.values()) {
      JsonNode row = find(agents, agent.agentName());
      assertTrue(row.path("running").asBoolean(), row.toString());
      assertEquals("UP", row.path("health").asText(), row.toString());
      assertEquals("0.1.0-SNAPSHOT", row.path("version").asText(), row.toString());
      assertEquals(agent.port(), row.path("port").asInt(), row.toString());
    }
  }

  @Test
  @Order(2)
  void theDemoDevicesLiveValuesArriveOverRestAndMqtt() throws Exception {
    assertTrue(demo.output().contains("device demo-climate (simulated Modbus TCP"), demo.output());
    // GIVEN the bridge reads the simulated climate controller through the example device file
    JsonNode device = null;
    for (int i = 0; i < 50; i++) {
      device =
          new ObjectMapper()
              .readTree(get(BoardAgent.TETHER_BRIDGE, "/api/v1/devices/demo-climate"));
      if ("online".equals(device.at("/status/health").asText())) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("online", device.at("/status/health").asText(), device.toString());
    assertEquals("GOOD", device.at("/properties/temperature/quality").asText(), device.toString());
    // WHEN a newcomer subscribes as the demo says THEN readings arrive on MQTT too
    var sub =
        run(
            List.of(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                "1883",
                "-i",
                "hil-sub",
                "-t",
                "minicloud/v1/+/demo-climate/telemetry/temperature",
                "-C",
                "1",
                "-W",
                "40"),
            null);
    assertEquals(0, sub.exitCode(), sub.output());
    JsonNode reading = new ObjectMapper().readTree(sub.output());
    assertEquals("temperature", reading.path("property").asText());
    assertEquals("GOOD", reading.path("quality").asText());
    assertEquals("°C", reading.path("unit").asText());
    assertTrue(reading.path("value").asDouble() > -40 && reading.path("value").asDouble() < 125);
  }

  @Test
  @Order(2)
  void theDemoCoapSensorIsObservedThroughItsDeviceFile() throws Exception {
    JsonNode device = awaitOnline("demo-coap-sensor", "temperature", Duration.ofSeconds(20));
    assertEquals("GOOD", device.at("/properties/humidity/quality").asText(), device.toString());
  }

  @Test
  @Order(2)
  void theDemoRunsStandardFirmataOnAnEmulatedUnoAndReadsItsAnalogInput() throws Exception {
    // the virtual board profile has simavr (.ci/peers): the demo must bring the board up
    assertTrue(demo.output().contains("device demo-firmata-board (StandardFirmata"), demo.output());
    // the board is built (gcc), fetched (npm) and booted beside the bridge: allow for it
    JsonNode device = awaitOnline("demo-firmata-board", "voltage", Duration.ofSeconds(90));
    double volts = device.at("/properties/voltage/value").asDouble(-1);
    assertTrue(volts >= 0 && volts <= 5, device.toString());
  }

  private static JsonNode awaitOnline(String name, String property, Duration timeout)
      throws Exception {
    JsonNode device = null;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      device =
          new ObjectMapper().readTree(get(BoardAgent.TETHER_BRIDGE, "/api/v1/devices/" + name));
      if ("online".equals(device.at("/status/health").asText())
          && "GOOD".equals(device.at("/properties/" + property + "/quality").asText())) {
        return device;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " not online with a GOOD " + property + ": " + device);
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  @Order(3)
  void metricsPageIsValidPrometheusTextWithOurNames(BoardAgent agent) throws Exception {
    String page = get(agent, "/q/metrics");
    assertTrue(
        page.contains("# TYPE " + agent.metricPrefix() + "uptime_seconds gauge"),
        "no " + agent.metricPrefix() + "uptime_seconds in " + agent.agentName());

    // promtool exits 1 on a parse error and 3 on lint findings; lint findings on third-party
    // meters (Vert.x, Netty, JVM) are not ours to fix, findings on minicloud_* meters are.
    var check = run(List.of("promtool", "check", "metrics"), page);
    assertTrue(check.exitCode() == 0 || check.exitCode() == 3, check.output());
    assertFalse(check.output().contains("error while linting"), check.output());
    List<String> ours =
        check
            .output()
            .lines()
            .filter(l -> l.startsWith("minicloud_"))
            .filter(l -> !helpUnderFamilyName(page, l))
            .collect(Collectors.toList());
    assertTrue(ours.isEmpty(), "promtool findings on our metrics: " + ours);
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  @Order(4)
  void agentRunsOnEmbeddedDefaultsWithItsDemoDataDir(BoardAgent agent) throws Exception {
    JsonNode info = new ObjectMapper().readTree(get(agent, "/api/v1/agent"));
    assertEquals(agent.agentName(), info.path("agent").asText());
    assertEquals(
        ROOT.resolve(".minicloud/demo/" + agent.agentName()).toString(),
        info.path("dataDir").asText());
  }

  @Test
  @Order(99)
  void ctrlCStopsEveryAgentAndLeavesNoProcess() throws Exception {
    List<ProcessHandle> agents = demo.process().descendants().toList();
    assertTrue(agents.size() >= BoardAgent.values().length, "agents: " + agents);

    demo.interrupt();

    assertTrue(demo.process().waitFor(30, TimeUnit.SECONDS), "demo still running after SIGINT");
    assertEquals(0, demo.process().exitValue(), demo.output());
    demo.awaitLine(l -> l.equals("minicloud demo: stopped"), Duration.ofSeconds(5));
    for (ProcessHandle agent : agents) {
      agent.onExit().get(5, TimeUnit.SECONDS);
      assertFalse(agent.isAlive(), "still alive: " + agent.info());
    }
    for (BoardAgent agent : BoardAgent.values()) {
      assertTrue(portIsFree(agent.port()), agent.agentName() + " port still bound");
    }
  }

  /**
   * Micrometer's simpleclient registry writes a counter's HELP and TYPE under the family name
   * ({@code x}) and its sample as {@code x_total}; promtool 2.42 then lints {@code x_total} as
   * having "no help text". That finding is the exposition library's, not a missing description: the
   * HELP line is there under the family name.
   */
  private static boolean helpUnderFamilyName(String page, String finding) {
    String name = finding.split(" ", 2)[0];
    return finding.endsWith(" no help text")
        && name.endsWith("_total")
        && page.contains("# HELP " + name.substring(0, name.length() - "_total".length()) + " ");
  }

  /** The kernel's machine name as the JVM's os.arch spells it otherwise. */
  private static String kernelArch() {
    String arch = System.getProperty("os.arch");
    return arch.equals("amd64") ? "x86_64" : arch;
  }

  private static JsonNode find(JsonNode agents, String name) {
    for (JsonNode row : agents) {
      if (name.equals(row.path("agent").asText())) {
        return row;
      }
    }
    throw new AssertionError("no row for " + name + " in " + agents);
  }

  private static String get(BoardAgent agent, String path) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), agent.agentName() + path + ": " + response.body());
    return response.body();
  }

  private static boolean portIsFree(int port) {
    try (var socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static HostCommand.Run run(List<String> command, String stdin) throws Exception {
    return HostCommand.run(ROOT, stdin, Duration.ofSeconds(60), command.toArray(String[]::new));
  }
}
