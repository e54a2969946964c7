package io.minicloud.edgeagent.rear.provision;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the edge-agent reaches minicloud-vim's provisioning API.
 *
 * @param url the VIM's base URL ({@code http://127.0.0.1:9103})
 * @param tokenFile the VIM's provisioning bearer token (read on every call: the VIM may make it
 *     after the edge-agent started)
 * @param vmImage the containerDisk a VM purchase boots (REAR's VM flavor names no image)
 * @param poll how often pending provisions and ended contracts are looked at
 * @param retryFirst the first wait after a failed attempt (doubling, with jitter)
 * @param retryCap the longest wait between attempts
 * @param timeout one call's timeout
 */
public record VimSettings(
    URI url,
    Path tokenFile,
    String vmImage,
    Duration poll,
    Duration retryFirst,
    Duration retryCap,
    Duration timeout) {}
