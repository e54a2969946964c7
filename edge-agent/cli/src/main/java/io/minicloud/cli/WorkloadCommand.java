package io.minicloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minicloud workload}: one workload on minicloud-vim. */
@Command(
    name = "workload",
    mixinStandardHelpOptions = true,
    header = "Show, start, stop, restart, delete one workload, or get its console or manifests.",
    subcommands = {
      WorkloadShowCommand.class,
      WorkloadPowerCommand.Start.class,
      WorkloadPowerCommand.Stop.class,
      WorkloadPowerCommand.Restart.class,
      WorkloadDeleteCommand.class,
      WorkloadConsoleCommand.class,
      WorkloadManifestsCommand.class
    })
final class WorkloadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command (show, start, stop, restart, delete, console, manifests)");
  }
}
