package io.minicloud.cli;

import java.nio.file.Path;

/**
 * One Minicloud agent as the CLI knows it.
 *
 * @param name the agent name, also its config prefix ({@code minicloud.<name>.*})
 * @param moduleDir the Maven module directory, relative to the repository root
 * @param port the default HTTP port (bound to 127.0.0.1)
 */
public record Agent(String name, String moduleDir, int port) {

  /** Where {@code quarkus:build} puts the runnable app: {@code <module>/target/quarkus-app}. */
  public Path appDir(Path repoRoot) {
    return repoRoot.resolve(moduleDir).resolve("target").resolve("quarkus-app");
  }

  Path runJar(Path repoRoot) {
    return appDir(repoRoot).resolve("quarkus-run.jar");
  }

  /** Whether this checkout has the agent's module at all. */
  boolean existsIn(Path repoRoot) {
    return repoRoot.resolve(moduleDir).resolve("pom.xml").toFile().isFile();
  }

  /**
   * The Debian package and systemd unit name on a gateway: {@code minicloud-<name>}, without
   * doubling the prefix ({@code minicloud-vim}).
   */
  public String debianPackage() {
    return name.startsWith("minicloud-") ? name : "minicloud-" + name;
  }

  /** The agent's data directory setting, e.g. {@code minicloud.char-agent.data-dir}. */
  String dataDirProperty() {
    return "minicloud." + name + ".data-dir";
  }
}
