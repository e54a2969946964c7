package io.minicloud.vim.crd;

import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An environment variable of a container workload. */
public record EnvVar(
    @Required @Pattern("^[-._a-zA-Z][-._a-zA-Z0-9]*$") @Size(max = 256) String name,
    @Size(max = 32768) String value) {}
