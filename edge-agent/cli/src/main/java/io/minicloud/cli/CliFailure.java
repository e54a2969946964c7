package io.minicloud.cli;

/** A failure the user can act on: its message is printed as one line, then the CLI exits. */
final class CliFailure extends RuntimeException {

  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
