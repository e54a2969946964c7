package io.minicloud.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code minicloud workloads}: what minicloud-vim runs (or, detached, would run). */
@Command(
    name = "workloads",
    mixinStandardHelpOptions = true,
    header = "List the workloads minicloud-vim knows.",
    description = {
      "GET /api/v1/workloads. The first line is the VIM's mode: 'mode: cluster', or 'mode:"
          + " detached (no Kubernetes cluster: nothing applied)'. Then a table: NAME, NAMESPACE,"
          + " KIND (Container, VirtualMachine, Unikernel), PHASE, READY (the Ready condition),"
          + " NODES (where it runs, or would run), AGE."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the list was printed (none is not an error)",
      VimCommand.FAILED,
      VimCommand.USAGE,
      VimCommand.UNREACHABLE
    })
final class WorkloadsCommand extends VimCommand {

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Only this namespace (default: all).")
  String namespace;

  @Option(
      names = "--json",
      description = "Print the VIM's answer as JSON: {\"mode\",\"items\":[<Workload>...]}.")
  boolean json;

  @Override
  public Integer call() {
    String ns = namespace(namespace);
    VimClient vim = vim();
    VimResponse response = vim.list(ns);
    if (!response.ok()) {
      throw refused("listing workloads", vim, response);
    }
    print(json ? Json.write(response.object()) : WorkloadTable.render(response.object(), now()));
    return 0;
  }
}
