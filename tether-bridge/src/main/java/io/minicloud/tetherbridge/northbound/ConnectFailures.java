package io.minicloud.tetherbridge.northbound;

import io.minicloud.tetherbridge.northbound.MqttConnectException.Kind;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Turns Paho's connect exceptions (v3 and v5 alike) into one clear message and a {@link Kind}. */
final class ConnectFailures {
  // Paho client-side reason codes, the same in v3 and v5
  static final int CLIENT_TIMEOUT = 32000;
  static final int SERVER_CONNECT_ERROR = 32103;
  static final int CONNECTION_LOST = 32109;
  static final int CLIENT_NOT_CONNECTED = 32104;
  static final int MAX_INFLIGHT = 32202;
  // Paho 5 client-side decoding errors
  static final int INVALID_RETURN_CODE = 50001;
  static final int MALFORMED_PACKET = 50002;
  static final int UNSUPPORTED_PROTOCOL_VERSION = 50003;

  private ConnectFailures() {}

  static MqttConnectException of(
      NorthboundOptions options, ProtocolVersion protocol, int reasonCode, Throwable error) {
    Kind kind;
    String reason;
    Throwable tls = find(error, SSLException.class, CertificateException.class);
    Throwable network =
        find(
            error,
            ConnectException.class,
            NoRouteToHostException.class,
            UnknownHostException.class,
            SocketTimeoutException.class);
    if (tls != null) {
      kind = Kind.TLS;
      reason = "TLS handshake failed: " + tls.getMessage();
    } else if (network != null) {
      kind = Kind.NETWORK;
      reason = "network: " + network;
    } else {
      switch (reasonCode) {
        case 4, 134 -> {
          kind = Kind.REFUSED_AUTH;
          reason = "the broker refused the login: bad user name or password";
        }
        case 5, 135 -> {
          kind = Kind.REFUSED_AUTH;
          // Mosquitto 2 answers a wrong password this way too
          reason =
              "the broker refused the login: not authorized (wrong user name or password, or"
                  + " this client is not allowed)";
        }
        case 2, 133 -> {
          kind = Kind.REFUSED_AUTH;
          reason = "the broker refused the client id";
        }
        case 138 -> {
          kind = Kind.REFUSED_AUTH;
          reason = "the broker has banned this client";
        }
        case 1, 132 -> {
          kind = Kind.REFUSED_PROTOCOL;
          reason = "the broker does not accept " + protocol.label();
        }
        case 129, 130 -> {
          kind = Kind.REFUSED_PROTOCOL;
          reason = "the broker could not parse the " + protocol.label() + " CONNECT";
        }
        case INVALID_RETURN_CODE, MALFORMED_PACKET, UNSUPPORTED_PROTOCOL_VERSION -> {
          // Paho 5 reading a 3.1.1 broker's CONNACK ("unacceptable protocol version", code 1)
          kind = Kind.REFUSED_PROTOCOL;
          reason = "the broker's CONNACK is not " + protocol.label() + ": " + error.getMessage();
        }
        case CONNECTION_LOST -> {
          // a 3.1.1-only broker may simply hang up on an MQTT 5 CONNECT
          kind = find(error, EOFException.class) != null ? Kind.REFUSED_PROTOCOL : Kind.OTHER;
          reason = "the broker closed the connection during CONNECT";
        }
        case CLIENT_TIMEOUT -> {
          kind = Kind.NETWORK;
          reason = "no CONNACK within " + options.connectTimeout().toSeconds() + " s";
        }
        case SERVER_CONNECT_ERROR -> {
          kind = Kind.NETWORK;
          reason = "cannot open a connection: " + error.getCause();
        }
        default -> {
          kind = Kind.OTHER;
          reason = String.valueOf(error.getMessage());
        }
      }
    }
    String message =
        "cannot connect to "
            + options.brokerUri()
            + " with "
            + protocol.label()
            + " as client '"
            + options.clientId()
            + "': "
            + reason
            + (reasonCode > 0 ? " (reason code " + reasonCode + ")" : "");
    if (options.password() != null) {
      message = options.password().scrub(message);
    }
    return new MqttConnectException(kind, message, error);
  }

  /** "Connection lost: java.io.EOFException" rather than Paho's bare "Connection lost". */
  static String chain(Throwable error) {
    StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
    Throwable cause = error.getCause();
    for (int depth = 0; cause != null && cause != error && depth < 3; depth++) {
      text.append(": ").append(cause);
      error = cause;
      cause = cause.getCause();
    }
    return text.toString();
  }

  @SafeVarargs
  static Throwable find(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return t;
        }
      }
    }
    return null;
  }
}
