package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * Where a Unikraft kernel and its initrd sit inside the Workload's image, and the kernel command
 * line. KubeVirt boots them directly ({@code domain.firmware.kernelBoot}), no disk, no bootloader.
 */
public record KernelBoot(
    @JsonPropertyDescription("absolute path of the kernel in the image (default /kernel)")
        @Pattern("^/[^\\x00]*$")
        @Size(max = 256)
        String kernelPath,
    @JsonPropertyDescription("absolute path of the initrd in the image, if any")
        @Pattern("^/[^\\x00]*$")
        @Size(max = 256)
        String initrdPath,
    @JsonPropertyDescription("the kernel command line") @Size(max = 1024) String args) {

  public static final String DEFAULT_KERNEL_PATH = "/kernel";
}
