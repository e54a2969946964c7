package io.minicloud.hil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent's built {@code .deb}, read with the real Debian tools (dpkg-deb), as the package test
 * sees it. See docs/packaging.md for what a package holds.
 */
final class DebianPackage {

  /** One line of {@code dpkg-deb -c}: mode string, owner/group, size and path ("./usr/..."). */
  record Entry(String mode, String owner, long size, String path) {
    boolean isDirectory() {
      return mode.startsWith("d");
    }
  }

  /** What a tool printed (stdout and stderr together) and how it exited. */
  private final BoardAgent agent;

  private final Path file;

  private DebianPackage(BoardAgent agent, Path file) {
    this.agent = agent;
    this.file = file;
  }

  /**
   * The package the agent's build wrote: {@code <module>/target/<agent>_<debversion>_all.deb}.
   * Fails naming the file and the command that builds it when it is missing.
   */
  static DebianPackage of(BoardAgent agent, Path repoRoot, String debVersion) {
    Path file =
        agent
            .moduleDir(repoRoot)
            .resolve("target")
            .resolve(agent.agentName() + "_" + debVersion + "_all.deb");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError(
          "missing package "
              + repoRoot.relativize(file)
              + ": build it first with ./mvnw -B package -DskipTests -pl "
              + repoRoot.relativize(agent.moduleDir(repoRoot))
              + " -am");
    }
    return new DebianPackage(agent, file);
  }

  /** The Debian version of a Maven version: '-' sorts after a release in dpkg, '~' before. */
  static String debianVersion(String mavenVersion, String revision) {
    return mavenVersion.replace('-', '~') + "-" + revision;
  }

  Path file() {
    return file;
  }

  String packageName() {
    return agent.debianPackage();
  }

  /** The control file's fields ({@code dpkg-deb -I <deb> control}), continuation lines joined. */
  Map<String, String> controlFields() throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    String last = null;
    for (String line : ok("dpkg-deb", "-I", file.toString(), "control").lines().toList()) {
      if (line.startsWith(" ") && last != null) {
        fields.merge(last, "\n" + line.substring(1), String::concat);
      } else if (line.contains(":")) {
        last = line.substring(0, line.indexOf(':'));
        fields.put(last, line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return fields;
  }

  /** Every entry of the data archive ({@code dpkg-deb -c}). */
  List<Entry> contents() throws Exception {
    List<Entry> entries = new ArrayList<>();
    for (String line : ok("dpkg-deb", "-c", file.toString()).lines().toList()) {
      String[] f = line.trim().split("\\s+", 6);
      entries.add(new Entry(f[0], f[1], Long.parseLong(f[2]), f[5]));
    }
    return entries;
  }

  /** The control archive ({@code dpkg-deb -e}): control, md5sums, maintainer scripts, triggers. */
  Path extractControl(Path into) throws Exception {
    ok("dpkg-deb", "-e", file.toString(), into.toString());
    return into;
  }

  /** The data archive ({@code dpkg-deb -x}), modification times kept, as dpkg installs it. */
  Path extractData(Path into) throws Exception {
    ok("dpkg-deb", "-x", file.toString(), into.toString());
    return into;
  }

  /** Runs a command to its end (at most five minutes) and returns its exit code and output. */
  static HostCommand.Run run(Path workingDir, String... command)
      throws IOException, InterruptedException {
    return HostCommand.run(workingDir, null, Duration.ofMinutes(5), command);
  }

  private static String ok(String... command) throws Exception {
    HostCommand.Run run = run(null, command);
    if (run.exitCode() != 0) {
      throw new AssertionError(
          String.join(" ", command) + " exited " + run.exitCode() + ":\n" + run.output());
    }
    return run.output();
  }
}
