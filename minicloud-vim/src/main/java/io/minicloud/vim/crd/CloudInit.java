package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** cloud-init NoCloud data for a VirtualMachine (KubeVirt's cloudInitNoCloud volume). */
public record CloudInit(
    @JsonPropertyDescription("#cloud-config user data") @Size(max = 32768) String userData,
    @JsonPropertyDescription("network-config v1/v2") @Size(max = 32768) String networkData) {}
