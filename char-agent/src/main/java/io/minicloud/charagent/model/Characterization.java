package io.minicloud.charagent.model;

import java.time.Instant;
import java.util.List;

/**
 * Everything the char-agent says about one gateway. Strings that could not be read are {@code
 * "unknown"} and numbers {@code null}, each with an entry in {@link #warnings()}; nothing is
 * guessed. The JSON form is published as {@code docs/api/characterization.schema.json}.
 *
 * @param schemaVersion the version of the JSON schema this document follows
 */
public record Characterization(
    String schemaVersion,
    String node,
    Instant collectedAt,
    Board board,
    Cpu cpu,
    Memory memory,
    Storage storage,
    List<Accelerator> accelerators,
    List<NetworkInterface> network,
    AttachedDevices devices,
    Power power,
    Software software,
    Location location,
    List<String> warnings) {

  public static final String SCHEMA_VERSION = "1.0";
  public static final String UNKNOWN = "unknown";
}
