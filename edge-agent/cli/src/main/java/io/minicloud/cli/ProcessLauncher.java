package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Starts child processes; the demo supervisor starts agents through it. */
interface ProcessLauncher {

  /**
   * Starts {@code command} in {@code workDir}.
   *
   * @param log file that receives the child's stdout and stderr (truncated first); {@code null}
   *     lets the child share this process's terminal
   */
  Process start(List<String> command, Path workDir, Path log) throws IOException;
}
