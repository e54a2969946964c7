package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.NetworkInterface;
import io.minicloud.charagent.model.NetworkInterface.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InterfaceAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Interfaces from {@code /sys/class/net}. The kind is decided in this order: {@code lo} (or ARP
 * type 772) is loopback; a {@code wireless/} directory or {@code phy80211} link is wifi; a {@code
 * bridge/} directory is a bridge; a {@code wwan*} name, a modem driver or ARP type 519 (raw IP) is
 * cellular; no {@code device} link (veth, docker0, flannel, tun, vlan, bond) is virtual; ARP type 1
 * with a device is ethernet; anything else (CAN, InfiniBand...) is unknown.
 */
public final class NetworkProbe {
  private static final Set<String> MODEM_DRIVERS =
      Set.of("qmi_wwan", "cdc_mbim", "option", "mhi_net", "mhi-net", "huawei_cdc_ncm");
  private static final Pattern MAC = Pattern.compile("\\p{XDigit}{2}(:\\p{XDigit}{2}){1,31}");
  private static final int ARPHRD_ETHER = 1;
  private static final int ARPHRD_RAWIP = 519;
  private static final int ARPHRD_LOOPBACK = 772;

  private final HostFiles files;

  public NetworkProbe(HostFiles files) {
    this.files = files;
  }

  public List<NetworkInterface> probe() {
    if (!files.exists("/sys/class/net")) {
      files.warnings().add("/sys/class/net: missing, network interfaces unknown");
      return List.of();
    }
    boolean live = files.root().equals(Path.of("/"));
    List<NetworkInterface> result = new ArrayList<>();
    for (String name : files.list("/sys/class/net")) {
      String dir = "/sys/class/net/" + name;
      // bonding_masters is a plain file next to the interfaces.
      if (!Files.isDirectory(files.resolve(dir))) {
        continue;
      }
      Integer type = integer(dir + "/type", files.number(dir + "/type"));
      result.add(
          new NetworkInterface(
              name,
              kind(name, dir, type),
              mac(dir),
              speed(dir),
              files.text(dir + "/operstate").orElse(Characterization.UNKNOWN),
              integer(dir + "/mtu", files.number(dir + "/mtu")),
              live ? addresses(name) : List.of()));
    }
    return result;
  }

  private Kind kind(String name, String dir, Integer type) {
    if (name.equals("lo") || (type != null && type == ARPHRD_LOOPBACK)) {
      return Kind.LOOPBACK;
    }
    if (files.exists(dir + "/wireless") || files.exists(dir + "/phy80211")) {
      return Kind.WIFI;
    }
    if (files.exists(dir + "/bridge")) {
      return Kind.BRIDGE;
    }
    String driver = files.linkName(dir + "/device/driver").orElse("");
    if (name.startsWith("wwan")
        || MODEM_DRIVERS.contains(driver)
        || (type != null && type == ARPHRD_RAWIP)) {
      return Kind.CELLULAR;
    }
    if (!files.exists(dir + "/device")) {
      return Kind.VIRTUAL;
    }
    return type != null && type == ARPHRD_ETHER ? Kind.ETHERNET : Kind.UNKNOWN;
  }

  /** The hardware address, or null when there is none (tun, raw-IP modems) or it is garbled. */
  private String mac(String dir) {
    Optional<String> text = files.text(dir + "/address");
    if (text.isPresent() && !MAC.matcher(text.get()).matches()) {
      files
          .warnings()
          .add(dir + "/address: not an address: '" + HostFiles.abbreviate(text.get()) + "'");
      return null;
    }
    return text.orElse(null);
  }

  /**
   * Mbps, or null: the kernel answers EINVAL for a link that is down and for wifi, and -1 when it
   * does not know, all of which are normal; only a value that is not a number is worth a warning.
   */
  private Integer speed(String dir) {
    Path file = files.resolve(dir + "/speed");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      text = new String(in.readNBytes(64), StandardCharsets.UTF_8).trim();
    } catch (IOException | SecurityException e) {
      return null;
    }
    try {
      int mbps = Integer.parseInt(text);
      return mbps > 0 ? mbps : null;
    } catch (NumberFormatException e) {
      if (!text.isEmpty()) {
        files.warnings().add(dir + "/speed: not a number: '" + HostFiles.abbreviate(text) + "'");
      }
      return null;
    }
  }

  private Integer integer(String hostPath, Optional<Long> value) {
    if (value.isEmpty()) {
      return null;
    }
    long v = value.get();
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      files.warnings().add(hostPath + ": out of range: " + v);
      return null;
    }
    return (int) v;
  }

  /** The live addresses with their prefix length, without the IPv6 scope suffix. */
  private List<String> addresses(String name) {
    try {
      java.net.NetworkInterface nic = java.net.NetworkInterface.getByName(name);
      if (nic == null) {
        return List.of();
      }
      List<String> addresses = new ArrayList<>();
      for (InterfaceAddress address : nic.getInterfaceAddresses()) {
        addresses.add(
            NetworkAddresses.format(address.getAddress()) + "/" + address.getNetworkPrefixLength());
      }
      return addresses;
    } catch (SocketException | RuntimeException e) {
      files.warnings().add(name + ": addresses unknown (" + e.getClass().getSimpleName() + ")");
      return List.of();
    }
  }
}
