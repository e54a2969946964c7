package io.minicloud.edgeagent.discovery;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * FLUIDOS node IDs are Kubernetes DNS-1123 labels: the Go network-manager names a KnownCluster
 * {@code knowncluster-<nodeID>}, so anything else would make it fail to create the resource.
 */
public final class NodeIds {
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_LENGTH = 63;

  private NodeIds() {}

  public static boolean isValid(String nodeId) {
    return nodeId != null
        && nodeId.length() <= MAX_LENGTH
        && DNS_1123_LABEL.matcher(nodeId).matches();
  }

  /**
   * A valid node ID derived from a host name: its first label, lowercased, other characters
   * replaced by '-', trimmed to 63 characters; {@code minicloud} when nothing usable remains.
   */
  public static String fromHostName(String hostName) {
    String firstLabel = hostName == null ? "" : hostName.split("\\.", 2)[0];
    String id = firstLabel.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (id.length() > MAX_LENGTH) {
      id = id.substring(0, MAX_LENGTH);
    }
    id = id.replaceAll("^-+", "").replaceAll("-+$", "");
    return id.isEmpty() ? "minicloud" : id;
  }
}
