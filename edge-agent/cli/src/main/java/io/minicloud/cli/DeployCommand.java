package io.minicloud.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code minicloud deploy workload.yaml}: create or update workloads on minicloud-vim. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    header = "Create or update workloads (containers, VMs, unikernels) on minicloud-vim.",
    description = {
      "Reads each FILE (apiVersion minicloud.io/v1alpha1, kind Workload; several documents"
          + " separated by ---; examples in docs/examples/workloads/) and checks it before sending"
          + " anything: UTF-8 text of at most 1 MiB, YAML without tags, few aliases and at most 40"
          + " levels, and each document's apiVersion, kind, metadata.name and spec. Then it POSTs"
          + " each document to /api/v1/workloads, or PUTs it when the workload exists (409), and"
          + " prints 'created' or 'updated', the phase and the placement explanation: the nodes"
          + " that qualify (best first, with scores) and every node ruled out, with why.",
      "",
      "Without a Kubernetes cluster minicloud-vim runs detached: it checks and places the"
          + " workload but applies nothing, and deploy says so. --show-manifests prints the"
          + " Kubernetes objects it applied or, detached, would apply (GET .../manifests).",
      "",
      "A document minicloud-vim refuses (400: its problems name the fields) does not stop the"
          + " others."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:every document was created or updated (or checked, with --dry-run)",
      VimCommand.FAILED,
      " 2:usage error, or a FILE refused before anything was sent (not UTF-8 YAML, too big,"
          + " a bad envelope: the message names the file, the document and the field)",
      VimCommand.UNREACHABLE
    })
final class DeployCommand extends VimCommand {

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Workload YAML files.")
  List<Path> files;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description =
          "Namespace for documents that name none (default: default); documents naming another"
              + " are refused.")
  String namespace;

  @Option(
      names = "--dry-run",
      description =
          "Check the files here and print what would be sent; send nothing (minicloud-vim has no"
              + " server-side dry run).")
  boolean dryRun;

  @Option(
      names = "--show-manifests",
      description = "After each deploy, print the objects applied (detached: that would be).")
  boolean showManifests;

  @Option(
      names = "--json",
      description =
          "Print JSON: {\"mode\",\"results\":[{\"file\",\"document\",\"namespace\",\"name\","
              + "\"result\",\"workload\"|\"httpStatus\",\"error\",\"problems\",\"manifests\"}]}.")
  boolean json;

  @Override
  public Integer call() {
    WorkloadFile reader = new WorkloadFile(namespace(namespace));
    List<WorkloadDocument> documents = new ArrayList<>();
    for (Path file : files) {
      documents.addAll(reader.read(file));
    }
    List<DeployOutcome> outcomes =
        dryRun
            ? WorkloadDeployer.dryRun(documents)
            : new WorkloadDeployer(vim(), showManifests).deploy(documents);
    DeployReport report = new DeployReport(outcomes);
    print(json ? report.json() : report.text());
    PrintWriter err = spec.commandLine().getErr();
    for (String error : report.errors()) {
      err.println(spec.qualifiedName() + ": " + error);
    }
    err.flush();
    return report.exitCode();
  }
}
