package io.minicloud.charagent.model;

import java.util.List;

/**
 * The operating system and what runs workloads.
 *
 * @param containerRuntimes runtimes found by their sockets or binaries (containerd, docker, crio)
 * @param k3sRole server, agent or none
 */
public record Software(
    String osId,
    String osName,
    String osVersion,
    String osCodename,
    String kernelRelease,
    List<String> containerRuntimes,
    String k3sRole) {}
