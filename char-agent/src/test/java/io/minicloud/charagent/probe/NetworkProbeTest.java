package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.NetworkInterface;
import io.minicloud.charagent.model.NetworkInterface.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkProbeTest {
  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private List<NetworkInterface> probe(Path tree) {
    return new NetworkProbe(new HostFiles(tree, warnings)).probe();
  }

  private List<NetworkInterface> probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private static NetworkInterface nic(List<NetworkInterface> nics, String name) {
    return nics.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  private void link(String hostPath, String target) throws IOException {
    HostTree.link(root, hostPath, target);
  }

  @Test
  void raspberryPi4() {
    List<NetworkInterface> nics = probe("rpi4b-bookworm64");

    assertEquals(
        new NetworkInterface(
            "eth0", Kind.ETHERNET, "dc:a6:32:8e:41:07", 1000, "up", 1500, List.of()),
        nic(nics, "eth0"));
    assertEquals(
        new NetworkInterface(
            "wlan0", Kind.WIFI, "dc:a6:32:8e:41:08", null, "dormant", 1500, List.of()),
        nic(nics, "wlan0"));
    assertEquals(Kind.LOOPBACK, nic(nics, "lo").kind());
    assertEquals(65536, nic(nics, "lo").mtu());
    assertEquals(Kind.VIRTUAL, nic(nics, "flannel.1").kind());
    assertEquals(4, nics.size());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3EthernetOnUsbIsStillEthernet() {
    List<NetworkInterface> nics = probe("rpi3bplus-armv7l");

    assertEquals(Kind.ETHERNET, nic(nics, "eth0").kind());
    assertEquals(1000, nic(nics, "eth0").speedMbps());
    assertEquals(Kind.WIFI, nic(nics, "wlan0").kind());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5K3sServerBridge() {
    List<NetworkInterface> nics = probe("rpi5");

    assertEquals(Kind.BRIDGE, nic(nics, "cni0").kind());
    assertEquals(Kind.ETHERNET, nic(nics, "eth0").kind());
    assertEquals("down", nic(nics, "wlan0").operState());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetson() {
    List<NetworkInterface> nics = probe("jetson-orin-nano");

    assertEquals(
        List.of("eth0", "l4tbr0", "lo", "wlan0"),
        nics.stream().map(NetworkInterface::name).toList());
    assertEquals(Kind.BRIDGE, nic(nics, "l4tbr0").kind());
    assertEquals(Kind.WIFI, nic(nics, "wlan0").kind());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcWithModemBridgesAndVeth() {
    List<NetworkInterface> nics = probe("x86-minipc");

    assertEquals(
        new NetworkInterface(
            "enp1s0", Kind.ETHERNET, "7c:83:34:b1:0e:51", 2500, "up", 1500, List.of()),
        nic(nics, "enp1s0"));
    // Up but without carrier: the kernel reports -1.
    assertNull(nic(nics, "enp2s0").speedMbps());
    assertEquals("down", nic(nics, "enp2s0").operState());
    // Raw-IP QMI modem: no hardware address.
    assertEquals(
        new NetworkInterface("wwan0", Kind.CELLULAR, null, null, "unknown", 1500, List.of()),
        nic(nics, "wwan0"));
    assertEquals(Kind.BRIDGE, nic(nics, "cni0").kind());
    assertEquals(Kind.BRIDGE, nic(nics, "docker0").kind());
    assertEquals(Kind.VIRTUAL, nic(nics, "vethc0ffee1").kind());
    assertEquals(10000, nic(nics, "vethc0ffee1").speedMbps());
    assertEquals(Kind.VIRTUAL, nic(nics, "flannel.1").kind());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void otherKinds() throws IOException {
    // GIVEN wifi shown by a wireless/ directory only, an MBIM modem, a CAN bus and bonding_masters
    write("/sys/class/net/wlp2s0/type", "1\n");
    write("/sys/class/net/wlp2s0/wireless/.keep", "");
    write("/sys/class/net/mbim0/type", "1\n");
    link("/sys/class/net/mbim0/device/driver", "../../../bus/usb/drivers/cdc_mbim");
    write("/sys/class/net/can0/type", "280\n");
    write("/sys/class/net/can0/device/uevent", "");
    write("/sys/class/net/rmnet0/type", "519\n");
    write("/sys/class/net/bonding_masters", "bond0\n");
    // WHEN
    List<NetworkInterface> nics = probe(root);
    // THEN
    assertEquals(
        List.of("can0", "mbim0", "rmnet0", "wlp2s0"),
        nics.stream().map(NetworkInterface::name).toList());
    assertEquals(Kind.UNKNOWN, nic(nics, "can0").kind());
    assertEquals(Kind.CELLULAR, nic(nics, "mbim0").kind());
    assertEquals(Kind.CELLULAR, nic(nics, "rmnet0").kind());
    assertEquals(Kind.WIFI, nic(nics, "wlp2s0").kind());
    assertEquals("unknown", nic(nics, "can0").operState());
  }

  @Test
  void hostileValuesGiveNullWithWarnings() throws IOException {
    // GIVEN garbage in speed, address and mtu, a huge address file, a directory where speed should
    // be
    write("/sys/class/net/eth0/type", "1\n");
    write("/sys/class/net/eth0/speed", "fast\0\0");
    write("/sys/class/net/eth0/address", "\0\u00ff\u0001zz");
    write("/sys/class/net/eth0/mtu", "99999999999\n");
    write("/sys/class/net/eth1/type", "\0\0\0\0");
    write("/sys/class/net/eth1/address", "a".repeat(HostFiles.MAX_BYTES * 2));
    write("/sys/class/net/eth1/speed/x", "");
    write("/sys/class/net/eth1/mtu", "");
    // WHEN
    List<NetworkInterface> nics = probe(root);
    // THEN
    NetworkInterface eth0 = nic(nics, "eth0");
    assertNull(eth0.speedMbps());
    assertNull(eth0.mac());
    assertNull(eth0.mtu());
    NetworkInterface eth1 = nic(nics, "eth1");
    assertNull(eth1.mac());
    assertNull(eth1.speedMbps());
    assertEquals(Kind.VIRTUAL, eth1.kind());
    // speed, address and mtu of eth0; size and garbage of eth1's address
    assertEquals(5, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void missingClassGivesOneWarning() {
    assertEquals(List.of(), probe(root));
    assertEquals(1, warnings.list().size());
  }

  @Test
  void liveMachine() {
    List<NetworkInterface> nics = probe(Path.of("/"));

    assertEquals(Kind.LOOPBACK, nic(nics, "lo").kind());
    assertTrue(
        warnings.list().stream().noneMatch(w -> w.contains("speed")), warnings.list().toString());
  }
}
