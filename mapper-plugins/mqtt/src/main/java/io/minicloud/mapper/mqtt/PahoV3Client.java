package io.minicloud.mapper.mqtt;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** An MQTT 3.1.1 connection through Paho's v3 client. */
final class PahoV3Client implements PahoClient {
  private static final System.Logger LOG = System.getLogger(PahoV3Client.class.getName());
  private static final String VERSION = "3.1.1";
  private static final int SUBSCRIBE_FAILED = 0x80;

  private final MqttAsyncClient client;
  private final String who;

  private PahoV3Client(MqttAsyncClient client, String who) {
    this.client = client;
    this.who = who;
  }

  /**
   * @param socketFactory the TLS socket factory for ssl:// brokers, or null
   * @throws ConnectFailure saying why
   */
  static PahoV3Client connect(
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
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true); // see PahoV5Client: subscriptions are remade in attach
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(
        (int) Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
    settings.username().ifPresent(options::setUserName);
    settings.password().ifPresent(p -> options.setPassword(p.chars()));
    if (socketFactory != null) {
      options.setSocketFactory(socketFactory);
      // Paho's default too, stated because a broker certificate for another host must fail
      options.setHttpsHostnameVerificationEnabled(true);
    }
    String who = BrokerErrors.who(settings, VERSION);
    client.setCallback(new Callback(listener));
    try {
      client.connect(options).waitForCompletion(settings.connectTimeout().toMillis());
      return new PahoV3Client(client, who);
    } catch (MqttException e) {
      new PahoV3Client(client, who).close();
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
      case MqttException.REASON_CODE_FAILED_AUTHENTICATION ->
          BrokerErrors.connectFailure(
              settings,
              VERSION,
              ConnectFailure.Reason.NOT_AUTHORIZED,
              "not authorized: bad user name or password",
              e);
      case MqttException.REASON_CODE_NOT_AUTHORIZED ->
          BrokerErrors.connectFailure(
              settings, VERSION, ConnectFailure.Reason.NOT_AUTHORIZED, "not authorized", e);
      case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION ->
          BrokerErrors.connectFailure(
              settings,
              VERSION,
              ConnectFailure.Reason.PROTOCOL_VERSION,
              "the broker does not accept MQTT 3.1.1",
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
      IMqttToken token = client.subscribe(filter, qos);
      token.waitForCompletion(timeoutMillis);
      for (int granted : token.getGrantedQos() == null ? new int[0] : token.getGrantedQos()) {
        if (granted == SUBSCRIBE_FAILED) {
          throw BrokerErrors.refused(who, request, granted);
        }
      }
    } catch (MqttException e) {
      throw BrokerErrors.requestFailed(who, request, e.getReasonCode(), e);
    }
  }

  @Override
  public void publish(String topic, byte[] payload, int qos, long timeoutMillis)
      throws IOException {
    try {
      client.publish(topic, payload, qos, false).waitForCompletion(timeoutMillis);
    } catch (MqttException e) {
      throw BrokerErrors.requestFailed(who, "the command on '" + topic + "'", e.getReasonCode(), e);
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
  private record Callback(Listener listener) implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      listener.connectionLost(String.valueOf(cause.getMessage()));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      listener.messageArrived(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // publish() waits on its own token
    }
  }
}
