package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A soft intent with its weight (1..100, as preferred node affinity terms). */
public record Preference(
    @Required @JsonPropertyDescription("LatencyCritical | EnergyEfficient | Cheapest")
        Intent intent,
    @JsonPropertyDescription("1..100, default 50") @Min(1) @Max(100) Integer weight) {

  /** FLUIDOS's soft intents; what each prefers is in minicloud-vim/README.md. */
  public enum Intent {
    LatencyCritical,
    EnergyEfficient,
    Cheapest
  }

  public int weightOrDefault() {
    return weight == null ? 50 : weight;
  }
}
