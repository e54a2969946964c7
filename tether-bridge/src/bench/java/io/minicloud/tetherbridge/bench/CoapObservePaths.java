package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.coap.link.CaliforniumConfigs;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import io.minicloud.tetherbridge.runtime.RuntimeMetrics;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/** The two observers the bench compares: a bare Californium client, and the bridge to MQTT. */
final class CoapObservePaths {
  static final String NODE = "bench-coap";
  static final String DEVICE = "coap-counter";

  private CoapObservePaths() {}

  /** A bare Californium client observing /counter, its own endpoint, one stage thread. */
  static AutoCloseable bare(String uri, CoapNotificationSink sink) throws Exception {
    CaliforniumConfigs.init();
    Configuration config = Configuration.createStandardWithoutFile();
    config.set(org.eclipse.californium.core.config.CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
    config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder()
            .setConfiguration(config)
            .setConnector(new UDPConnector(new InetSocketAddress(0), config))
            .build();
    endpoint.start();
    CoapClient client = new CoapClient(uri + "/counter");
    client.setEndpoint(endpoint);
    CoapObserveRelation relation =
        client.observe(
            new CoapHandler() {
              @Override
              public void onLoad(CoapResponse response) {
                long now = System.nanoTime();
                long sent = CoapNotificationSink.number(response.getPayload(), "\"sentNanos\"");
                if (sent > 0) {
                  sink.arrived(sent, now);
                }
              }

              @Override
              public void onError() {
                System.err.println("coap bench: bare observe failed");
              }
            });
    return () -> {
      relation.reactiveCancel();
      client.shutdown(); // its observe executor is a non-daemon thread
      endpoint.destroy();
    };
  }

  /**
   * The production path: BridgeRuntime + the CoAP plugin observing /counter ({@code sentNanos} as
   * an int64 property, pushed on every notification), QueueingPublisher → DurableQueue → Forwarder
   * → MqttSink → Mosquitto; the MQTT subscriber feeds {@code sink}.
   */
  static AutoCloseable bridge(Path dir, String coapUri, String brokerUri, ObjectMapper json)
      throws Exception {
    BridgeChain chain = new BridgeChain(dir.resolve("data"), brokerUri, NODE, json);
    BridgeRuntime runtime =
        new BridgeRuntime(
            new DeviceBinder(PluginRegistry.discover(), 1000),
            chain.publisher(),
            RuntimeMetrics.NONE,
            Clock.systemUTC(),
            RuntimeSettings.defaults());
    Path file = dir.resolve("devices/counter.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        apiVersion: devices.kubeedge.io/v1beta1
        kind: DeviceModel
        metadata: {name: coap-counter}
        spec:
          protocol: coap
          properties:
            - {name: sent, type: INT, accessMode: ReadOnly}
        ---
        apiVersion: devices.kubeedge.io/v1beta1
        kind: Device
        metadata: {name: %s}
        spec:
          deviceModelRef: {name: coap-counter}
          protocol:
            protocolName: coap
            configData: {uri: "%s"}
          properties:
            - name: sent
              collectCycle: 600000000000
              visitors:
                protocolName: coap
                configData: {path: /counter, jsonPath: $.sentNanos, observe: true}
        """
            .formatted(DEVICE, coapUri));
    runtime.apply(new DeviceFileReader().read(file));
    return () -> {
      runtime.close();
      chain.close();
    };
  }
}
