package io.minicloud.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A {@code minicloud workload} subcommand about one workload: NAME and {@code --namespace}. */
abstract class WorkloadTargetCommand extends VimCommand {

  @Parameters(index = "0", paramLabel = "NAME", description = "The workload's metadata.name.")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = WorkloadFile.DEFAULT_NAMESPACE,
      description = "The workload's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  /** {@code namespace/name}, checked as DNS-1123 labels (they become URL path segments). */
  String target() {
    namespace(namespace);
    if (!WorkloadFile.isName(name)) {
      throw usage("NAME '" + name + "' is not a DNS-1123 label");
    }
    return namespace + "/" + name;
  }
}
