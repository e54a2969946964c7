package io.minicloud.tetherbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceBinder;
import io.minicloud.tetherbridge.runtime.PluginRegistry;
import io.minicloud.tetherbridge.runtime.RuntimeMetrics;
import io.minicloud.tetherbridge.runtime.RuntimeSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The measured path: the demo's Firmata device file (docs/examples/devices/demo-firmata-board.yaml)
 * on the board's pty, at the given sampling interval, every change of A0 reported; a real {@link
 * BridgeRuntime} with the production chain into Mosquitto; a Paho v5 subscriber whose arrival of
 * {@code .../telemetry/voltage} is the end of a step.
 */
final class FirmataBridgePath implements AutoCloseable {
  static final String NODE = "bench-firmata";
  private static final String DEMO = "docs/examples/devices/demo-firmata-board.yaml";

  private final BridgeChain chain;
  private final BridgeRuntime runtime;
  private final MqttAsyncClient subscriber;

  FirmataBridgePath(
      Path dir,
      String brokerUri,
      String pty,
      int samplingMillis,
      ObjectMapper json,
      FirmataLatencyProbe probe)
      throws Exception {
    subscriber = subscribe(brokerUri, json, probe);
    chain = new BridgeChain(dir.resolve("data"), brokerUri, NODE, json);
    runtime =
        new BridgeRuntime(
            new DeviceBinder(PluginRegistry.discover(), 1000),
            chain.publisher(),
            RuntimeMetrics.NONE,
            Clock.systemUTC(),
            RuntimeSettings.defaults());
    Path file = dir.resolve("devices/firmata.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, deviceFile(pty, samplingMillis));
    runtime.apply(new DeviceFileReader().read(file));
  }

  /** The demo file with the port substituted, A0 at the bench's interval, every change reported. */
  static String deviceFile(String pty, int samplingMillis) throws IOException {
    // exec:java runs in Maven's JVM: the working directory is wherever mvnw was started
    Path demo = Files.exists(Path.of(DEMO)) ? Path.of(DEMO) : Path.of("..", DEMO);
    return Files.readString(demo)
        .replace("${FIRMATA_PORT}", pty)
        .replace("samplingInterval: 100", "samplingInterval: " + samplingMillis)
        .replace("{strategy: on-change, deadband: 0.02}", "{strategy: on-change}");
  }

  private static MqttAsyncClient subscribe(String uri, ObjectMapper json, FirmataLatencyProbe probe)
      throws MqttException {
    return BenchMqtt.subscribe(
        uri,
        "bench-firmata-subscriber",
        "minicloud/v1/" + NODE + "/#",
        (topic, payload, now) -> {
          if (topic.endsWith("/telemetry/voltage")) {
            JsonNode value = json.readTree(payload).path("value");
            if (value.isNumber()) {
              probe.arrivals.add(new FirmataLatencyProbe.Arrival(now, value.asDouble()));
            }
          }
        });
  }

  /** Waits until the board is attached and its first voltage went north. */
  void awaitFirstValue(FirmataLatencyProbe probe, Duration timeout) throws InterruptedException {
    if (probe.arrivals.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
        == null) {
      throw new IllegalStateException(
          "firmata bench: no voltage published within " + timeout + ": " + runtime.statuses());
    }
  }

  @Override
  public void close() throws MqttException {
    runtime.close();
    chain.close();
    subscriber.disconnect(1000).waitForCompletion(2000);
    subscriber.close(true);
  }
}
