package io.minicloud.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code java} command line that runs one agent for the demo: the small-footprint JVM flags the
 * gateways use, AppCDS when the build made an archive, the demo's data directory, and no config
 * file.
 */
public final class AgentCommandLine {

  /**
   * The small-footprint flags, without the AppCDS archive; the agents' systemd units carry the same
   * set (hil-tests' DebianPackagesIT compares them).
   */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xmx64m",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=128m",
          "-XX:ReservedCodeCacheSize=32m",
          "-XX:+ExitOnOutOfMemoryError",
          "-Xshare:auto");

  static final String CDS_ARCHIVE = "app-cds.jsa";

  /**
   * An empty {@code quarkus.config.locations} overrides the agents' {@code
   * /etc/minicloud/minicloud.yaml}, so a gateway's config never leaks into the demo (checked
   * against a real agent with a file mounted there: the agent then ignored it).
   */
  static final String NO_CONFIG_FILE = "-Dquarkus.config.locations=";

  private final Path java;

  /**
   * @param java the {@code java} executable to run agents with
   */
  AgentCommandLine(Path java) {
    this.java = java;
  }

  /** The JVM running this CLI, which the launcher already checked is Java 17 or newer. */
  static AgentCommandLine currentJava() {
    return new AgentCommandLine(Path.of(System.getProperty("java.home"), "bin", "java"));
  }

  /** The command to run in {@code appDir} (the agent's quarkus-app directory). */
  List<String> command(Agent agent, Path appDir, Path dataDir) {
    return command(agent, appDir, dataDir, List.of());
  }

  /** The same, with demo-only {@code -D} settings after the data dir. */
  List<String> command(Agent agent, Path appDir, Path dataDir, List<String> settings) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(JVM_FLAGS);
    if (Files.isRegularFile(appDir.resolve(CDS_ARCHIVE))) {
      command.add("-XX:SharedArchiveFile=" + CDS_ARCHIVE);
    }
    command.add("-D" + agent.dataDirProperty() + "=" + dataDir.toAbsolutePath());
    command.addAll(settings);
    command.add(NO_CONFIG_FILE);
    command.add("-jar");
    command.add("quarkus-run.jar");
    return command;
  }
}
