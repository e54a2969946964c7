package io.minicloud.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.cli.Agent;
import io.minicloud.cli.AgentCatalog;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ports and names the system tests, the CLI and the packages rely on are the ones each agent
 * really configures (shared/DESIGN.md §3).
 */
class AgentLayoutTest {
  private static final Path ROOT = BoardAgent.repoRoot();

  private static Properties applicationProperties(BoardAgent agent) throws IOException {
    Path file = agent.moduleDir(ROOT).resolve("src/main/resources/application.properties");
    var properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }

  @Test
  void theTestsKnowExactlyTheAgentsTheCliKnows() {
    assertEquals(
        AgentCatalog.AGENTS.stream().map(Agent::name).collect(Collectors.toList()),
        Stream.of(BoardAgent.values()).map(BoardAgent::agentName).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void agentListensOnItsDesignPortOnLoopback(BoardAgent agent) throws IOException {
    Properties properties = applicationProperties(agent);

    assertEquals(String.valueOf(agent.port()), properties.getProperty("quarkus.http.port"));
    assertEquals("127.0.0.1", properties.getProperty("quarkus.http.host"));
    assertEquals(agent.agentName(), properties.getProperty("quarkus.application.name"));
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void agentReadsTheSharedConfigurationFile(BoardAgent agent) throws IOException {
    String locations = applicationProperties(agent).getProperty("quarkus.config.locations", "");

    assertTrue(locations.contains("/etc/minicloud/minicloud.yaml"), locations);
  }
}
