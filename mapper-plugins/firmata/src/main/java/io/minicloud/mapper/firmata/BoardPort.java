package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import java.io.IOException;

/**
 * The one place where a Device file's {@code port} becomes a serial connection: mapper-api's {@link
 * SerialConnection} resolves {@code /dev/serial/by-id/...} and {@code usb-serial:<number>} at every
 * connect and keeps one owner per port.
 */
final class BoardPort {

  private BoardPort() {}

  /** Stable link id: two Device files naming the same port share one owner (and are refused). */
  static String linkId(SerialSettings settings) {
    return SerialConnection.linkId(settings);
  }

  static LinkSpec.Opener opener(String device, SerialSettings settings) {
    LinkSpec.Opener serial = SerialConnection.opener(settings);
    return () -> {
      Connection opened = serial.open();
      if (!(opened instanceof ByteConnection bytes)) {
        opened.close();
        throw new IOException("serial port " + settings.port() + " did not open as a byte link");
      }
      return new FirmataConnection(bytes, settings.port(), device);
    };
  }
}
