package io.minicloud.cli;

import picocli.CommandLine.Command;

/**
 * {@code minicloud workload delete NAME}: the workload and, through owner references, its objects.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    header = "Delete a workload; Kubernetes removes the objects it owns.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the workload was deleted",
      " 1:minicloud-vim answered an error (404: no such workload)",
      VimCommand.USAGE,
      VimCommand.UNREACHABLE
    })
final class WorkloadDeleteCommand extends WorkloadTargetCommand {

  @Override
  public Integer call() {
    String target = target();
    VimClient vim = vim();
    VimResponse response = vim.delete(namespace, name);
    if (!response.ok()) {
      throw refused("delete " + target, vim, response);
    }
    print("deleted " + target);
    return 0;
  }
}
