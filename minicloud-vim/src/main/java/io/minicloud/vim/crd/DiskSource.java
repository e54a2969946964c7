package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A VirtualMachine's root disk from a PersistentVolumeClaim in the Workload's namespace. */
public record DiskSource(
    @Required
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
        @JsonPropertyDescription("the claim's name")
        String pvc) {}
