package io.minicloud.mapper.mqtt;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** An MQTT 5 connection through Paho's v5 client. */
final class PahoV5Client implements PahoClient {
  private static final System.Logger LOG = System.getLogger(PahoV5Client.class.getName());
  private static final String VERSION = "5";

  /**
   * Asks the broker not to send packets over 1 MiB at all (MQTT 5 only). Payloads between the
   * parser's 256 KiB limit and this still arrive, to be counted and dropped where they can be seen;
   * larger ones never use our memory.
   */
  private static final long MAX_PACKET_BYTES = 1024 * 1024;

  /** Reason codes of a refused CONNECT (MQTT 5, 3.2.2.2). */
  private static final int UNSUPPORTED_PROTOCOL_VERSION = 0x84;

  private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int BANNED = 0x8A;
  private static final int BAD_AUTHENTICATION_METHOD = 0x8C;

  private final MqttAsyncClient client;
  private final String who;

  private PahoV5Client(MqttAsyncClient client, String who) {
    this.client = client;
    this.who = who;
  }

  /**
   * @param socketFactory the TLS socket factory for ssl:// brokers, or null
   * @throws ConnectFailure saying why, classified for the 3.1.1 fallback
   */
  static PahoV5Client connect(
      MqttConnectionSettings settings, SocketFactory socketFactory, Listener listener)
      throws ConnectFailure {
    MqttAsyncClient client;
    try {
      client =
          new MqttAsyncClient(
              settings.broker().toString(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw BrokerErrors.connectFailure(
          settings, VERSION, ConnectFailure.Reason.OTHER, e.getMessage(), e);
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    // a clean session: subscriptions are made again in attach after every connect, retained
    // messages bring the latest state back, and the broker keeps no queue for removed devices
    options.setCleanStart(true);
    options.setSessionExpiryInterval(0L);
    options.setAutomaticReconnect(false); // the core owns reconnects, with its backoff
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(seconds(settings.connectTimeout().toMillis()));
    options.setMaximumPacketSize(MAX_PACKET_BYTES);
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.utf8()));
    if (socketFactory != null) {
      options.setSocketFactory(socketFactory);
      // Paho's default too, stated because a broker certificate for another host must fail
      options.setHttpsHostnameVerificationEnabled(true);
    }
    String who = BrokerErrors.who(settings, VERSION);
    client.setCallback(new Callback(listener, who));
    try {
      client.connect(options).waitForCompletion(settings.connectTimeout().toMillis());
      return new PahoV5Client(client, who);
    } catch (MqttException e) {
      new PahoV5Client(client, who).close();
      throw classify(settings, e);
    }
  }

  private static ConnectFailure classify(MqttConnectionSettings settings, MqttException e) {
    int code = e.getReasonCode();
    Optional<ConnectFailure> network = BrokerErrors.network(settings, VERSION, code, e);
    if (network.isPresent()) {
      return network.get();
    }
    return switch (code) {
      case BAD_USER_NAME_OR_PASSWORD, NOT_AUTHORIZED, BANNED, BAD_AUTHENTICATION_METHOD ->
          BrokerErrors.connectFailure(
              settings,
              VERSION,
              ConnectFailure.Reason.NOT_AUTHORIZED,
              switch (code) {
                case BAD_USER_NAME_OR_PASSWORD ->
                    "not authorized: bad user name or password (0x86)";
                case BANNED -> "not authorized: banned (0x8a)";
                case BAD_AUTHENTICATION_METHOD ->
                    "not authorized: bad authentication method (0x8c)";
                default -> "not authorized (0x87)";
              },
              e);
      case UNSUPPORTED_PROTOCOL_VERSION,
          MqttException.REASON_CODE_INVALID_RETURN_CODE,
          MqttException.REASON_CODE_MALFORMED_PACKET,
          MqttException.REASON_CODE_UNSUPPORTED_PROTOCOL_VERSION,
          BrokerErrors.CONNECTION_LOST ->
          // an MQTT 3.1.1 broker answers a v5 CONNECT with a 3.1.1 CONNACK (return code 1) that
          // does not parse as v5, or just closes the connection
          BrokerErrors.connectFailure(
              settings,
              VERSION,
              ConnectFailure.Reason.PROTOCOL_VERSION,
              "the broker does not accept MQTT 5 (" + e.getMessage() + ", code " + code + ")",
              e);
      case BrokerErrors.CLIENT_TIMEOUT -> BrokerErrors.timeout(settings, VERSION, e);
      default ->
          BrokerErrors.connectFailure(
              settings,
              VERSION,
              ConnectFailure.Reason.OTHER,
              e.getMessage() + " (code " + code + ")",
              e);
    };
  }

  private static int seconds(long millis) {
    return (int) Math.max(1, (millis + 999) / 1000);
  }

  @Override
  public String protocolVersion() {
    return VERSION;
  }

  @Override
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void subscribe(String filter, int qos, long timeoutMillis) throws IOException {
    String request = "the subscription to '" + filter + "'";
    try {
      IMqttToken token = client.subscribe(new MqttSubscription(filter, qos));
      token.waitForCompletion(timeoutMillis);
      for (int code : token.getReasonCodes() == null ? new int[0] : token.getReasonCodes()) {
        if (code >= 0x80) {
          throw BrokerErrors.refused(who, request, code);
        }
      }
    } catch (MqttException e) {
      throw BrokerErrors.requestFailed(who, request, e.getReasonCode(), e);
    }
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, long timeoutMillis)
      throws IOException {
    String request = "the command on '" + topic + "'";
    try {
      IMqttToken token = client.publish(topic, payload, qos, false);
      token.waitForCompletion(timeoutMillis);
      for (int code : token.getReasonCodes() == null ? new int[0] : token.getReasonCodes()) {
        if (code >= 0x80) {
          throw BrokerErrors.refused(who, request, code);
        }
      }
    } catch (MqttException e) {
      throw BrokerErrors.requestFailed(who, request, e.getReasonCode(), e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(1000);
      }
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, () -> who + ": disconnect failed, closing anyway: " + e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.log(Level.DEBUG, () -> who + ": close failed: " + e.getMessage());
    }
  }

  /** Paho's callbacks, forwarded to the listener. */
  private record Callback(Listener listener, String who) implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      String reason =
          response.getException() != null
              ? response.getException().getMessage()
              : "the broker disconnected (reason code " + response.getReturnCode() + ")";
      listener.connectionLost(reason);
    }

    @Override
    public void mqttErrorOccurred(MqttException e) {
      LOG.log(
          Level.WARNING, () -> who + ": " + e.getMessage() + " (code " + e.getReasonCode() + ")");
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.messageArrived(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // publish() waits on its own token
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // connect() waits on its own token
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // no enhanced authentication (AUTH packets) is configured
    }
  }
}
