package io.minicloud.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** {@link ProcessLauncher} over {@link ProcessBuilder}. */
final class SystemProcessLauncher implements ProcessLauncher {

  private static final File DEV_NULL = new File("/dev/null");

  private final Predicate<String> dropVariable;

  /**
   * @param dropVariable environment variables the children must not inherit (the demo drops
   *     QUARKUS_* and MINICLOUD_* so agents run on embedded defaults)
   */
  SystemProcessLauncher(Predicate<String> dropVariable) {
    this.dropVariable = dropVariable;
  }

  /** Children inherit the whole environment. */
  SystemProcessLauncher() {
    this(name -> false);
  }

  @Override
  public Process start(List<String> command, Path workDir, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(dropVariable);
    if (log == null) {
      builder.inheritIO();
    } else {
      builder
          .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    }
    return builder.start();
  }
}
