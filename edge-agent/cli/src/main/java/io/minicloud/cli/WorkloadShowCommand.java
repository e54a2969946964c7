package io.minicloud.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code minicloud workload show NAME}: status, placement and conditions. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    header = "Show a workload's phase, nodes, placement explanation and conditions.",
    description =
        "GET /api/v1/workloads/NS/NAME. The placement explanation lists the nodes that qualify"
            + " (best first, with their preference scores) and every node ruled out with each"
            + " hard constraint it fails.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the workload was printed",
      " 1:minicloud-vim answered an error (404: no such workload)",
      VimCommand.USAGE,
      VimCommand.UNREACHABLE
    })
final class WorkloadShowCommand extends WorkloadTargetCommand {

  @Option(names = "--json", description = "Print the Workload, with its status, as JSON.")
  boolean json;

  @Override
  public Integer call() {
    String target = target();
    VimClient vim = vim();
    VimResponse response = vim.get(namespace, name);
    if (!response.ok()) {
      throw refused("workload " + target, vim, response);
    }
    print(json ? Json.write(response.json()) : WorkloadDetails.render(response.json(), now()));
    return 0;
  }
}
