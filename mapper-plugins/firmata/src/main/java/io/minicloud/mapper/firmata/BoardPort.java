package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import java.io.IOException;

/**
 * The one place where a Device file's {@code port} becomes a serial connection. mapper-api's {@link
 * SerialConnection} is growing {@code /dev/serial/by-id} and USB serial-number resolution and port
 * locking; this plugin passes the configured string through unchanged, so it gets those without
 * changes here.
 */
final class BoardPort {

  private BoardPort() {}

  /** Stable link id: two Device files naming the same port share one owner (and are refused). */
  static String linkId(SerialSettings settings) {
    return "serial:" + settings.port();
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
