package io.minicloud.cli;

import picocli.CommandLine.Command;

/**
 * {@code minicloud workload start|stop|restart NAME}. VMs and unikernels: KubeVirt's start, stop
 * and restart; containers: scaled to 0 and back, restart rolls the pods. Detached, the VIM refuses
 * (409): nothing runs.
 */
abstract class WorkloadPowerCommand extends WorkloadTargetCommand {

  private final String action;

  WorkloadPowerCommand(String action) {
    this.action = action;
  }

  @Override
  public Integer call() {
    String target = target();
    VimClient vim = vim();
    VimResponse response = vim.action(namespace, name, action);
    if (!response.ok()) {
      throw refused(action + " " + target, vim, response);
    }
    print(action + " requested for " + target);
    return 0;
  }

  private static final String EXIT_1 =
      " 1:minicloud-vim answered an error (404: no such workload; 409: detached, nothing runs)";

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      header = "Start a workload (VM: KubeVirt start; container: back to spec.replicas).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        " 0:minicloud-vim accepted the request (202)",
        EXIT_1,
        VimCommand.USAGE,
        VimCommand.UNREACHABLE
      })
  static final class Start extends WorkloadPowerCommand {
    Start() {
      super("start");
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      header = "Stop a workload (VM: KubeVirt stop; container: scaled to 0).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        " 0:minicloud-vim accepted the request (202)",
        EXIT_1,
        VimCommand.USAGE,
        VimCommand.UNREACHABLE
      })
  static final class Stop extends WorkloadPowerCommand {
    Stop() {
      super("stop");
    }
  }

  @Command(
      name = "restart",
      mixinStandardHelpOptions = true,
      header = "Restart a workload (VM: KubeVirt restart; container: the pods are replaced).",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        " 0:minicloud-vim accepted the request (202)",
        EXIT_1,
        VimCommand.USAGE,
        VimCommand.UNREACHABLE
      })
  static final class Restart extends WorkloadPowerCommand {
    Restart() {
      super("restart");
    }
  }
}
