package io.minicloud.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends Workload documents to minicloud-vim, one after the other: POST, and when the workload
 * already exists (409) PUT, which replaces its spec. A document the VIM refuses does not stop the
 * others (like {@code kubectl apply}); an unreachable VIM stops everything.
 */
final class WorkloadDeployer {

  private final VimClient vim;
  private final boolean withManifests;

  /**
   * @param withManifests also fetch what the VIM applied (or, detached, would apply) for each
   */
  WorkloadDeployer(VimClient vim, boolean withManifests) {
    this.vim = vim;
    this.withManifests = withManifests;
  }

  List<DeployOutcome> deploy(List<WorkloadDocument> documents) {
    List<DeployOutcome> outcomes = new ArrayList<>();
    for (WorkloadDocument document : documents) {
      outcomes.add(deploy(document));
    }
    return outcomes;
  }

  /** The documents checked, nothing sent ({@code --dry-run}). */
  static List<DeployOutcome> dryRun(List<WorkloadDocument> documents) {
    return documents.stream()
        .map(d -> new DeployOutcome(d, DeployOutcome.Result.VALID, null, null))
        .toList();
  }

  private DeployOutcome deploy(WorkloadDocument document) {
    VimResponse response = vim.create(document.body());
    DeployOutcome.Result result = DeployOutcome.Result.CREATED;
    if (response.status() == 409) {
      response = vim.replace(document.namespace(), document.name(), document.body());
      result = DeployOutcome.Result.UPDATED;
    }
    if (!response.ok()) {
      return new DeployOutcome(document, DeployOutcome.Result.FAILED, response, null);
    }
    VimResponse manifests =
        withManifests ? vim.manifests(document.namespace(), document.name()) : null;
    return new DeployOutcome(document, result, response, manifests);
  }
}
