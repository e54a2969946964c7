package io.minicloud.tetherbridge.northbound;

import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.jboss.logging.Logger;

/** A connection through Paho's MQTT 5 client. */
final class Paho5Connection implements MqttConnection {
  private static final Logger LOG = Logger.getLogger(Paho5Connection.class);

  private final MqttAsyncClient client;
  private final NorthboundOptions options;

  private Paho5Connection(MqttAsyncClient client, NorthboundOptions options) {
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
      throw ConnectFailures.of(options, ProtocolVersion.V5, e.getReasonCode(), e);
    }
    Paho5Connection connection = new Paho5Connection(client, options);
    client.setCallback(connection.callback(events));
    try {
      client.connect(connectOptions(options, sockets)).waitForCompletion(timeoutMillis(options));
      return connection;
    } catch (MqttException e) {
      connection.close();
      throw ConnectFailures.of(options, ProtocolVersion.V5, e.getReasonCode(), e);
    }
  }

  private static MqttConnectionOptions connectOptions(
      NorthboundOptions options, SocketFactory sockets) {
    MqttConnectionOptions c = new MqttConnectionOptions();
    c.setCleanStart(options.cleanStart());
    c.setSessionExpiryInterval(options.cleanStart() ? 0L : options.sessionExpiry().toSeconds());
    c.setKeepAliveInterval((int) options.keepAlive().toSeconds());
    c.setConnectionTimeout((int) options.connectTimeout().toSeconds());
    c.setAutomaticReconnect(false);
    if (options.username() != null) {
      c.setUserName(options.username());
    }
    if (options.password() != null) {
      c.setPassword(options.password().utf8());
    }
    if (sockets != null) {
      c.setSocketFactory(sockets);
      c.setHttpsHostnameVerificationEnabled(true);
    }
    return c;
  }

  private static long timeoutMillis(NorthboundOptions options) {
    // Paho enforces the connect timeout itself; this only guards against a token never completing
    return options.connectTimeout().toMillis() + 5_000;
  }

  private MqttCallback callback(MqttConnection.Events events) {
    MqttConnection self = this;
    return new MqttCallback() {
      @Override
      public void disconnected(MqttDisconnectResponse response) {
        String reason =
            response.getException() != null
                ? ConnectFailures.chain(response.getException())
                : "the broker sent DISCONNECT (reason code " + response.getReturnCode() + ")";
        events.connectionLost(self, reason);
      }

      @Override
      public void mqttErrorOccurred(MqttException e) {
        LOG.warnf("northbound broker %s: MQTT error: %s", options.brokerUri(), e.getMessage());
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        events.messageArrived(topic, message.getPayload());
      }

      @Override
      public void deliveryComplete(IMqttToken token) {
        // each publish has its own listener
      }

      @Override
      public void connectComplete(boolean reconnect, String serverUri) {
        // the sink learns of the connection when connect() returns
      }

      @Override
      public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication is configured, so a broker has no reason to send AUTH
      }
    };
  }

  @Override
  public ProtocolVersion protocol() {
    return ProtocolVersion.V5;
  }

  @Override
  public boolean publish(
      String topic, byte[] payload, int qos, boolean retain, PublishCallback callback)
      throws MqttSinkException {
    try {
      client.publish(topic, payload, qos, retain, null, listener(callback));
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

  private static MqttActionListener listener(PublishCallback callback) {
    return new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
          callback.rejected(codes[0]);
        } else {
          callback.confirmed();
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable cause) {
        callback.failed(cause);
      }
    };
  }

  @Override
  public void subscribe(List<String> filters, int qos, Duration timeout) throws MqttSinkException {
    int[] qoses = new int[filters.size()];
    java.util.Arrays.fill(qoses, qos);
    try {
      IMqttToken token = client.subscribe(filters.toArray(new String[0]), qoses);
      token.waitForCompletion(timeout.toMillis());
      int[] granted = token.getReasonCodes();
      for (int i = 0; granted != null && i < granted.length; i++) {
        if (granted[i] >= 0x80) {
          throw new MqttSinkException(
              "broker "
                  + options.brokerUri()
                  + " refused the subscription to "
                  + filters.get(Math.min(i, filters.size() - 1))
                  + " (reason code "
                  + granted[i]
                  + ")",
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
