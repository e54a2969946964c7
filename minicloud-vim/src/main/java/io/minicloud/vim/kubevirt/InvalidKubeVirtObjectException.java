package io.minicloud.vim.kubevirt;

import java.util.List;
import java.util.stream.Collectors;

/** A KubeVirt object we were about to emit breaks KubeVirt's API spec; lists every violation. */
public class InvalidKubeVirtObjectException extends IllegalArgumentException {
  private final String definition;
  private final transient List<SchemaViolation> violations;

  public InvalidKubeVirtObjectException(String definition, List<SchemaViolation> violations) {
    super(message(definition, violations));
    this.definition = definition;
    this.violations = List.copyOf(violations);
  }

  /** The spec definition the object was checked against, e.g. {@code v1.VirtualMachine}. */
  public String definition() {
    return definition;
  }

  public List<SchemaViolation> violations() {
    return violations;
  }

  private static String message(String definition, List<SchemaViolation> violations) {
    return "invalid "
        + definition
        + " ("
        + violations.size()
        + (violations.size() == 1 ? " violation" : " violations")
        + "):"
        + violations.stream().map(v -> "\n  " + v).collect(Collectors.joining());
  }
}
