package io.minicloud.mapper.mqtt;

import java.io.IOException;
import java.lang.System.Logger.Level;
import javax.net.ssl.SSLSocketFactory;

/** Connects a Paho client in the configured protocol version, with the 3.1.1 fallback of auto. */
final class MqttConnector {
  private static final System.Logger LOG = System.getLogger(MqttConnector.class.getName());

  private MqttConnector() {}

  /**
   * @throws IOException naming the broker and the reason (never a password)
   */
  static PahoClient connect(MqttConnectionSettings settings, PahoClient.Listener listener)
      throws IOException {
    SSLSocketFactory tls = settings.broker().tls() ? settings.tls().socketFactory() : null;
    return switch (settings.protocolVersion()) {
      case V5 -> PahoV5Client.connect(settings, tls, listener);
      case V3_1_1 -> PahoV3Client.connect(settings, tls, listener);
      case AUTO -> connectAuto(settings, tls, listener);
    };
  }

  private static PahoClient connectAuto(
      MqttConnectionSettings settings, SSLSocketFactory tls, PahoClient.Listener listener)
      throws IOException {
    try {
      return PahoV5Client.connect(settings, tls, listener);
    } catch (ConnectFailure v5) {
      if (v5.reason() != ConnectFailure.Reason.PROTOCOL_VERSION) {
        throw v5;
      }
      LOG.log(Level.INFO, () -> v5.getMessage() + "; trying MQTT 3.1.1");
      try {
        return PahoV3Client.connect(settings, tls, listener);
      } catch (ConnectFailure v3) {
        // both attempts' reasons: the 3.1.1 one alone would hide why 5 was given up
        IOException both =
            new IOException(v3.getMessage() + "; before that, " + v5.getMessage(), v3);
        both.addSuppressed(v5);
        throw both;
      }
    }
  }
}
