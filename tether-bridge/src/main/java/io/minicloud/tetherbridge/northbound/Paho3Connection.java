package io.minicloud.tetherbridge.northbound;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jboss.logging.Logger;

/** A connection through Paho's MQTT 3.1.1 client. */
final class Paho3Connection implements MqttConnection {
  private static final Logger LOG = Logger.getLogger(Paho3Connection.class);
  private static final int SUBACK_FAILURE = 0x80;

  private final MqttAsyncClient client;
  private final NorthboundOptions options;

  private Paho3Connection(MqttAsyncClient client, NorthboundOptions options) {
    this.client = client;
    this.options = options;
  }

  static MqttConnection connect(
      NorthboundOptions options, SocketFactory sockets, MqttConnection.Events events)
      throws MqttConnectException {
    MqttAsyncClient client;
    try {
      client =
          new MqttAsyncClient(options.brokerUri(), options.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw ConnectFailures.of(options, ProtocolVersion.V3_1_1, e.getReasonCode(), e);
    }
    Paho3Connection connection = new Paho3Connection(client, options);
    client.setCallback(connection.callback(events));
    try {
      client
          .connect(connectOptions(options, sockets))
          .waitForCompletion(options.connectTimeout().toMillis() + 5_000);
      return connection;
    } catch (MqttException e) {
      connection.close();
      throw ConnectFailures.of(options, ProtocolVersion.V3_1_1, e.getReasonCode(), e);
    }
  }

  private static MqttConnectOptions connectOptions(
      NorthboundOptions options, SocketFactory sockets) {
    MqttConnectOptions c = new MqttConnectOptions();
    c.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    c.setCleanSession(options.cleanStart());
    c.setKeepAliveInterval((int) options.keepAlive().toSeconds());
    c.setConnectionTimeout((int) options.connectTimeout().toSeconds());
    c.setAutomaticReconnect(false);
    // Paho's own limit (default 10) would cap the forwarder's window; leave room for a rewind
    c.setMaxInflight(options.inflightWindow() * 2);
    if (options.username() != null) {
      c.setUserName(options.username());
    }
    if (options.password() != null) {
      c.setPassword(options.password().chars());
    }
    if (sockets != null) {
      c.setSocketFactory(sockets);
      c.setHttpsHostnameVerificationEnabled(true);
    }
    return c;
  }

  private MqttCallbackExtended callback(MqttConnection.Events events) {
    MqttConnection self = this;
    return new MqttCallbackExtended() {
      @Override
      public void connectionLost(Throwable cause) {
        events.connectionLost(self, ConnectFailures.chain(cause));
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        events.messageArrived(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // each publish has its own listener
      }

      @Override
      public void connectComplete(boolean reconnect, String serverUri) {
        // the sink learns of the connection when connect() returns
      }
    };
  }

  @Override
  public ProtocolVersion protocol() {
    return ProtocolVersion.V3_1_1;
  }

  @Override
  public boolean publish(
      String topic, byte[] payload, int qos, boolean retain, PublishCallback callback)
      throws MqttSinkException {
    try {
      client.publish(
          topic,
          payload,
          qos,
          retain,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              callback.confirmed();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
              callback.failed(cause);
            }
          });
      return true;
    } catch (MqttException e) {
      if (e.getReasonCode() == ConnectFailures.MAX_INFLIGHT
          || e.getReasonCode() == ConnectFailures.CLIENT_NOT_CONNECTED) {
        return false;
      }
      throw new MqttSinkException(
          "publish to " + options.brokerUri() + " topic " + topic + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public void subscribe(List<String> filters, int qos, Duration timeout) throws MqttSinkException {
    int[] qoses = new int[filters.size()];
    Arrays.fill(qoses, qos);
    try {
      IMqttToken token = client.subscribe(filters.toArray(new String[0]), qoses);
      token.waitForCompletion(timeout.toMillis());
      int[] granted = token.getGrantedQos();
      for (int i = 0; granted != null && i < granted.length; i++) {
        if (granted[i] == SUBACK_FAILURE) {
          throw new MqttSinkException(
              "broker " + options.brokerUri() + " refused the subscription to " + filters.get(i),
              null);
        }
      }
    } catch (MqttException e) {
      throw new MqttSinkException(
          "subscribe at " + options.brokerUri() + " to " + filters + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(1_000).waitForCompletion(2_000);
      }
    } catch (MqttException e) {
      LOG.debugf("northbound broker %s: disconnect: %s", options.brokerUri(), e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debugf("northbound broker %s: close: %s", options.brokerUri(), e.getMessage());
    }
  }
}
