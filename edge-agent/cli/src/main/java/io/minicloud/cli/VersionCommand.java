package io.minicloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code minicloud version}. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of this CLI.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {" 0:always"})
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println("minicloud " + CliVersion.get());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
