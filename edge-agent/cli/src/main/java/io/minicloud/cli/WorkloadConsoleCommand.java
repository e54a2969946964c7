package io.minicloud.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code minicloud workload console NAME}: where a VM's or unikernel's console is. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    header = "Print the console URL of a VM or unikernel.",
    description =
        "GET /api/v1/workloads/NS/NAME/console and print its url: KubeVirt's serial console"
            + " websocket on the cluster's API server (virtctl console NAME speaks to it)."
            + " Containers have no console: minicloud-vim answers 409 and says how to get logs.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the URL was printed",
      " 1:minicloud-vim answered an error (404: no such workload; 409: a container, or detached)",
      VimCommand.USAGE,
      VimCommand.UNREACHABLE
    })
final class WorkloadConsoleCommand extends WorkloadTargetCommand {

  @Option(names = "--json", description = "Print the VIM's answer: {\"kind\",\"url\"}.")
  boolean json;

  @Override
  public Integer call() {
    String target = target();
    VimClient vim = vim();
    VimResponse response = vim.console(namespace, name);
    if (!response.ok()) {
      throw refused("console of " + target, vim, response);
    }
    Object url = response.object().get("url");
    if (!json && !(url instanceof String)) {
      throw new CliFailure(
          1,
          "console of " + target + ": minicloud-vim at " + vim.where() + " answered without a url");
    }
    print(json ? Json.write(response.object()) : (String) url);
    return 0;
  }
}
