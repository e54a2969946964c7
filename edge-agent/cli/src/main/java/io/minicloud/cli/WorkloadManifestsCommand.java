package io.minicloud.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code minicloud workload manifests NAME}: the Kubernetes objects behind a workload. */
@Command(
    name = "manifests",
    mixinStandardHelpOptions = true,
    header = "Print the Kubernetes objects minicloud-vim applied (detached: would apply).",
    description =
        "GET /api/v1/workloads/NS/NAME/manifests, printed as multi-document YAML (a Deployment"
            + " and Service, or a KubeVirt VirtualMachine). The first line says whether they were"
            + " applied.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the manifests were printed",
      " 1:minicloud-vim answered an error (404: no such workload)",
      VimCommand.USAGE,
      VimCommand.UNREACHABLE
    })
final class WorkloadManifestsCommand extends WorkloadTargetCommand {

  @Option(names = "--json", description = "Print the VIM's answer: {\"applied\",\"objects\"}.")
  boolean json;

  @Override
  public Integer call() {
    String target = target();
    VimClient vim = vim();
    VimResponse response = vim.manifests(namespace, name);
    if (!response.ok()) {
      throw refused("manifests of " + target, vim, response);
    }
    print(json ? Json.write(response.object()) : ManifestsText.render(target, response.object()));
    return 0;
  }
}
