package io.minicloud.vim.crd;

import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A port the workload listens on; exposed as {@link WorkloadSpec#getExpose()} says. */
public record WorkloadPort(
    @Pattern("^[a-z]([-a-z0-9]{0,13}[a-z0-9])?$") String name,
    @Required @Min(1) @Max(65535) Integer port,
    Protocol protocol) {

  /** The transport; TCP when absent. */
  public enum Protocol {
    TCP,
    UDP
  }
}
