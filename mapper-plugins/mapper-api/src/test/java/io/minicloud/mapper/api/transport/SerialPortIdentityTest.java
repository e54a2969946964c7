package io.minicloud.mapper.api.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.transport.SerialPortDirectory.AttachedPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Naming a port so it survives re-enumeration. USB matching runs against a FAKE directory of
 * attached adapters: no USB serial adapter is attached to a build machine. Paths resolve for real.
 */
class SerialPortIdentityTest {
  @TempDir Path dir;

  @Test
  void aByIdSymlinkResolvesToTheNodeItPointsAtNow() throws IOException {
    Path node0 = Files.createFile(dir.resolve("ttyUSB0"));
    Path node1 = Files.createFile(dir.resolve("ttyUSB1"));
    Path byId = dir.resolve("usb-FTDI_FT232R_USB_UART_A6008isP-if00-port0");
    Files.createSymbolicLink(byId, node0);
    SerialPortIdentity identity = SerialPortIdentity.parse(byId.toString());
    assertEquals(node0.toRealPath(), identity.resolve(List::of));
    Files.delete(byId);
    Files.createSymbolicLink(byId, node1); // replugged: udev points the link at the new node
    assertEquals(node1.toRealPath(), identity.resolve(List::of));
    assertEquals(byId.toString(), identity.configured(), "the link id stays the same");
  }

  @Test
  void anUnpluggedAdapterIsNamed() {
    SerialPortIdentity identity = SerialPortIdentity.parse(dir.resolve("usb-gone").toString());
    IOException e = assertThrows(IOException.class, () -> identity.resolve(List::of));
    assertTrue(e.getMessage().contains("is not present (unplugged?)"), e.getMessage());
  }

  @Test
  void aUsbSerialNumberFindsItsAdapterWhereverItWasEnumerated() throws IOException {
    Path node = Files.createFile(dir.resolve("ttyACM3"));
    SerialPortDirectory fake =
        () ->
            List.of(
                new AttachedPort("/dev/ttyS0", "", "built-in"),
                new AttachedPort(node.toString(), "A6008isP", "FT232R"),
                new AttachedPort("/dev/ttyUSB7", "0001", "CP2102"));
    assertEquals(node.toRealPath(), SerialPortIdentity.parse("usb-serial:A6008isP").resolve(fake));
  }

  @Test
  void aMissingOrAmbiguousSerialNumberSaysWhatIsAttached() {
    SerialPortDirectory fake =
        () ->
            List.of(
                new AttachedPort("/dev/ttyUSB0", "DUP", "dual"),
                new AttachedPort("/dev/ttyUSB1", "DUP", "dual"));
    IOException none =
        assertThrows(
            IOException.class, () -> SerialPortIdentity.parse("usb-serial:XYZ").resolve(fake));
    assertTrue(none.getMessage().contains("no USB serial adapter with serial number XYZ"));
    assertTrue(none.getMessage().contains("/dev/ttyUSB0 (DUP)"), none.getMessage());
    IOException two =
        assertThrows(
            IOException.class, () -> SerialPortIdentity.parse("usb-serial:DUP").resolve(fake));
    assertTrue(two.getMessage().contains("names 2 ports"), two.getMessage());
    assertTrue(two.getMessage().contains("/dev/serial/by-id/"), two.getMessage());
  }

  @Test
  void badNamesAreRefusedWithTheReason() {
    for (String bad : List.of("", "  ", "ttyUSB0", "usb-serial:", "usb-serial:a b", "COM3")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SerialPortIdentity.parse(bad), bad);
      assertTrue(e.getMessage().contains("serial"), e.getMessage());
    }
    String huge = "usb-serial:" + "x".repeat(500);
    assertThrows(IllegalArgumentException.class, () -> SerialPortIdentity.parse(huge));
  }

  @Test
  void theLinkIdIsTheConfiguredNameNotTheNode() {
    SerialSettings settings =
        new SerialSettings("usb-serial:A6008isP", 57600, 8, SerialSettings.Parity.NONE, 1);
    assertEquals("serial:usb-serial:A6008isP", SerialConnection.linkId(settings));
  }
}
