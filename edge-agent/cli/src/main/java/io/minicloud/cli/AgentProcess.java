package io.minicloud.cli;

import java.nio.file.Path;

/** A child the demo supervisor started: its name, the process, and where its output goes. */
record AgentProcess(String name, Process process, Path log) {

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }
}
