package io.minicloud.cli;

import java.net.URI;

/** One row of {@code minicloud status}: an agent, where it was asked, what it answered. */
record AgentStatus(Agent agent, URI url, ProbeResult result) {}
