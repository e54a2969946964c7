package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class NetworkAddressesTest {

  private static String format(String literal) throws UnknownHostException {
    return NetworkAddresses.format(InetAddress.getByName(literal));
  }

  @Test
  void ipv6InShortForm() throws UnknownHostException {
    assertEquals("fd00::2", format("fd00:0:0:0:0:0:0:2"));
    assertEquals("::1", format("0:0:0:0:0:0:0:1"));
    assertEquals("fe80::fc:ff:fe00:1", format("fe80:0:0:0:fc:ff:fe00:1"));
    assertEquals("2001:db8::1:0:0:1", format("2001:db8:0:0:1:0:0:1"));
    assertEquals("2001:db8:0:1:1:1:1:1", format("2001:db8:0:1:1:1:1:1"));
    assertEquals("::", format("::"));
    assertEquals("1::", format("1::"));
  }

  @Test
  void ipv4AsIs() throws UnknownHostException {
    assertEquals("192.0.2.10", format("192.0.2.10"));
  }
}
