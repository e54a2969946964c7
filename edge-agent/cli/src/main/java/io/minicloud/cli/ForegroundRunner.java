package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command in the foreground (sharing this terminal) and returns its exit code. If this JVM
 * is stopped meanwhile (SIGTERM), the command and its descendants are stopped too.
 */
final class ForegroundRunner {

  private final ProcessLauncher launcher;

  ForegroundRunner(ProcessLauncher launcher) {
    this.launcher = launcher;
  }

  int run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Process process = launcher.start(command, workDir, null);
    Thread hook =
        new Thread(
            () -> {
              process.descendants().forEach(ProcessHandle::destroy);
              process.destroy();
            },
            "minicloud-stop-child");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return process.waitFor();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook stops the child.
      }
    }
  }
}
