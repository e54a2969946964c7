package io.minicloud.charagent.model;

import java.util.List;

/**
 * One network interface from /sys/class/net.
 *
 * @param speedMbps link speed, null when down or not reported (wifi)
 * @param addresses IP addresses with prefix ("192.0.2.10/24"), live machine only
 */
public record NetworkInterface(
    String name,
    Kind kind,
    String mac,
    Integer speedMbps,
    String operState,
    Integer mtu,
    List<String> addresses) {

  /** What an interface is. */
  public enum Kind {
    ETHERNET,
    WIFI,
    CELLULAR,
    BRIDGE,
    LOOPBACK,
    VIRTUAL,
    UNKNOWN
  }
}
