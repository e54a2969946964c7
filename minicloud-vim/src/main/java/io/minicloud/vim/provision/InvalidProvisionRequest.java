package io.minicloud.vim.provision;

import java.util.List;

/** A provisioning request that cannot be accepted; every problem names its field. */
public final class InvalidProvisionRequest extends Exception {

  private final List<String> problems;

  public InvalidProvisionRequest(List<String> problems) {
    super(problems.isEmpty() ? "invalid provisioning request" : problems.get(0));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
