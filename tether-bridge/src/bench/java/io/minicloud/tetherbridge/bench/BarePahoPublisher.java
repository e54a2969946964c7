package io.minicloud.tetherbridge.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The reference: a bare Paho v5 {@link MqttAsyncClient} publishing one prepared payload at QoS 1 as
 * fast as PUBACKs allow, with at most {@code window} publishes unconfirmed (the bridge's in-flight
 * window, capped like the bridge's by the broker's Receive Maximum). No queue, no JSON.
 */
final class BarePahoPublisher implements AutoCloseable {
  private static final int MAX_INFLIGHT = 32202; // Paho's "too many publishes in progress"

  private final MqttAsyncClient client;
  private final Integer brokerReceiveMaximum;
  private final int window;
  private final AtomicLong refusedByPaho = new AtomicLong();

  BarePahoPublisher(String uri, int wantedWindow) throws MqttException {
    client = new MqttAsyncClient(uri, "bench-bare-paho", new MemoryPersistence());
    MqttConnectionOptions o = new MqttConnectionOptions();
    o.setCleanStart(true);
    o.setAutomaticReconnect(false);
    IMqttToken token = client.connect(o);
    token.waitForCompletion(10_000);
    MqttProperties props = token.getResponseProperties();
    brokerReceiveMaximum = props == null ? null : props.getReceiveMaximum();
    window =
        brokerReceiveMaximum == null ? wantedWindow : Math.min(wantedWindow, brokerReceiveMaximum);
  }

  /** The broker's Receive Maximum from CONNACK (null: not sent, 65535 applies). */
  Integer brokerReceiveMaximum() {
    return brokerReceiveMaximum;
  }

  int window() {
    return window;
  }

  /** Publishes tried again because Paho's own in-flight count had not dropped yet. */
  long refusedByPaho() {
    return refusedByPaho.get();
  }

  /** Publishes {@code n} messages and waits for every PUBACK; returns elapsed nanoseconds. */
  long publish(String topic, byte[] payload, int n) throws Exception {
    Semaphore permits = new Semaphore(window);
    CountDownLatch confirmed = new CountDownLatch(n);
    AtomicLong failures = new AtomicLong();
    MqttActionListener listener =
        new MqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            permits.release();
            confirmed.countDown();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable cause) {
            failures.incrementAndGet();
            permits.release();
            confirmed.countDown();
          }
        };
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      permits.acquire();
      while (true) {
        try {
          client.publish(topic, payload, 1, false, null, listener);
          break;
        } catch (MqttException e) {
          if (e.getReasonCode() != MAX_INFLIGHT) {
            throw e;
          }
          refusedByPaho.incrementAndGet();
          Thread.onSpinWait();
        }
      }
    }
    if (!confirmed.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("bare Paho: " + confirmed.getCount() + " PUBACKs missing");
    }
    long elapsed = System.nanoTime() - start;
    if (failures.get() > 0) {
      throw new IllegalStateException("bare Paho: " + failures.get() + " publishes failed");
    }
    return elapsed;
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect(1_000).waitForCompletion(2_000);
    }
    client.close(true);
  }
}
