package io.minicloud.cli;

/**
 * What happened to one document of {@code minicloud deploy}.
 *
 * @param response the VIM's answer to the POST or PUT (the workload with its status, or the error);
 *     null in a dry run
 * @param manifests the answer to {@code GET .../manifests} when asked for, else null
 */
record DeployOutcome(
    WorkloadDocument document, Result result, VimResponse response, VimResponse manifests) {

  /** created / updated / failed, or valid in a dry run (nothing sent). */
  enum Result {
    CREATED("created"),
    UPDATED("updated"),
    FAILED("failed"),
    VALID("valid");

    final String word;

    Result(String word) {
      this.word = word;
    }
  }

  boolean failed() {
    return result == Result.FAILED;
  }

  /** The workload as the VIM returned it (empty view when failed or not sent). */
  WorkloadView workload() {
    return new WorkloadView(result == Result.FAILED || response == null ? null : response.json());
  }
}
