package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * Where a workload may and should run: hard constraints on the char-agent's node labels (FLUIDOS's
 * hard intents) and weighted soft preferences (its soft intents).
 */
public record Placement(
    @JsonPropertyDescription("every node must satisfy all of these") NodeRequirements require,
    @JsonPropertyDescription("weighted preferences among the nodes that qualify") @Size(max = 16)
        List<Preference> prefer) {

  public Placement {
    prefer = prefer == null ? List.of() : List.copyOf(prefer);
  }
}
