package io.minicloud.tetherbridge.runtime;

import java.util.List;

/** A link as the REST API shows it. */
public record LinkStatus(
    String id, boolean connected, long reconnects, String lastError, List<String> devices) {}
