package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Error messages about a broker, shared by the MQTT 5 and 3.1.1 clients. Every message names the
 * broker and client id so an operator can tell links apart; none carries a password (Paho's own
 * messages never include one, and we never add one).
 */
final class BrokerErrors {
  /** Paho's client-side codes, equal in both Paho APIs. */
  static final int CLIENT_TIMEOUT = 32000;

  static final int SERVER_CONNECT_ERROR = 32103;
  static final int CONNECTION_LOST = 32109;

  private BrokerErrors() {}

  static String who(MqttConnectionSettings settings, String version) {
    return "broker "
        + settings.broker()
        + " (client '"
        + settings.clientId()
        + "', MQTT "
        + version
        + ")";
  }

  static ConnectFailure connectFailure(
      MqttConnectionSettings settings,
      String version,
      ConnectFailure.Reason reason,
      String what,
      Throwable cause) {
    String user = settings.username().map(u -> " as user '" + u + "'").orElse("");
    return new ConnectFailure(
        reason, "cannot connect to " + who(settings, version) + user + ": " + what, cause);
  }

  /**
   * A failure below MQTT, from the cause Paho wraps: a TLS handshake (reported as code 0 or 32103),
   * or TCP that never connected (32103: refused, host unknown). A socket error after TCP connected
   * is not one of these: a broker that resets the connection on our CONNECT is refusing the
   * protocol, which {@code auto} answers with 3.1.1. Empty when MQTT itself failed.
   */
  static Optional<ConnectFailure> network(
      MqttConnectionSettings settings, String version, int code, Throwable error) {
    for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return Optional.of(
            connectFailure(
                settings,
                version,
                ConnectFailure.Reason.NETWORK,
                "TLS handshake failed: "
                    + cause.getMessage()
                    + " (check caFile and the client certificate)",
                error));
      }
    }
    if (code == SERVER_CONNECT_ERROR) {
      Throwable cause = error.getCause() == null ? error : error.getCause();
      return Optional.of(
          connectFailure(
              settings,
              version,
              ConnectFailure.Reason.NETWORK,
              "cannot reach it: " + cause,
              error));
    }
    return Optional.empty();
  }

  static ConnectFailure timeout(MqttConnectionSettings settings, String version, Throwable error) {
    return connectFailure(
        settings,
        version,
        ConnectFailure.Reason.OTHER,
        "no CONNACK within " + settings.connectTimeout().toMillis() + " ms",
        error);
  }

  /**
   * Maps a failed subscribe or publish: a timeout or a refusal is the device's problem (the link is
   * fine), a lost connection is the link's (the core reconnects).
   */
  static IOException requestFailed(String who, String request, int code, Throwable error) {
    if (code == CLIENT_TIMEOUT) {
      return new DeviceException(
          ErrorKind.TIMEOUT, who + " did not acknowledge " + request + " in time", error);
    }
    if (code >= 0x80 && code < CLIENT_TIMEOUT) {
      return refused(who, request, code);
    }
    return new IOException(who + ": " + request + " failed: " + error.getMessage(), error);
  }

  static DeviceException refused(String who, String request, int code) {
    return new DeviceException(
        ErrorKind.DEVICE_EXCEPTION, who + " refused " + request + ": " + reasonText(code));
  }

  /** MQTT 5 reason codes a broker refuses with (3.1.1 only has 0x80). */
  static String reasonText(int code) {
    String text =
        switch (code) {
          case 0x80 -> "unspecified error";
          case 0x83 -> "implementation specific error";
          case 0x87 -> "not authorized";
          case 0x8F -> "topic filter invalid";
          case 0x90 -> "topic name invalid";
          case 0x91 -> "packet identifier in use";
          case 0x97 -> "quota exceeded";
          case 0x99 -> "payload format invalid";
          case 0x9E -> "shared subscriptions not supported";
          case 0xA1 -> "subscription identifiers not supported";
          case 0xA2 -> "wildcard subscriptions not supported";
          default -> "reason code";
        };
    return text + " (0x" + Integer.toHexString(code) + ")";
  }
}
