package io.minicloud.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code minicloud devices}: device files and the devices they describe. */
@Command(
    name = "devices",
    mixinStandardHelpOptions = true,
    header = "Work with devices (KubeEdge DeviceModel/Device files).",
    subcommands = {DevicesDiscoverCommand.class})
final class DevicesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command (discover)");
  }
}
