package io.minicloud.mapper.mqtt.peers;

import static org.junit.jupiter.api.Assertions.fail;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.mqtt.MqttDevicePlugin;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Binding devices against a peer broker, and waiting for what they publish to arrive. */
public final class PeerDevices {
  private PeerDevices() {}

  /** The protocol config that reaches {@code peer} in its mode. */
  public static Map<String, Object> protocol(MosquittoPeer peer, String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put("broker", peer.uri());
    config.put("topic", topic);
    if (peer.mode() != MosquittoPeer.Mode.PLAIN) {
      config.put("caFile", peer.certificates().caCert().toString());
    }
    if (peer.mode() == MosquittoPeer.Mode.TLS_PASSWORD) {
      config.put("username", MosquittoPeer.USER);
      config.put("password", MosquittoPeer.PASSWORD);
    }
    if (peer.mode() == MosquittoPeer.Mode.MUTUAL_TLS) {
      config.put("clientCertFile", peer.certificates().clientCert().toString());
      config.put("clientKeyFile", peer.certificates().clientKey().toString());
    }
    return config;
  }

  /** A plug with a nested power reading, a Tasmota-style relay state and a writable mode. */
  public static DeviceDriver plug(String name, Map<String, Object> protocol) throws Exception {
    return new MqttDevicePlugin()
        .bind(
            new DeviceSpec(
                name,
                protocol,
                List.of(
                    new PropertySpec(
                        "power", DataType.FLOAT64, false, Map.of("jsonPath", "$.ENERGY.Power")),
                    new PropertySpec("relay", DataType.BOOL, false, Map.of("jsonPath", "$.POWER")),
                    new PropertySpec(
                        "mode",
                        DataType.STRING,
                        true,
                        Map.of("jsonPath", "$.mode", "commandPayload", "{\"mode\": ${value}}")))));
  }

  /**
   * Reads {@code property} until the result satisfies {@code done}, or fails after {@code timeout}.
   */
  public static PointResult await(
      DeviceDriver driver,
      LinkSession session,
      String property,
      Predicate<PointResult> done,
      Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    PointResult last = null;
    while (System.nanoTime() < deadline) {
      last = driver.read(session, List.of(property)).get(0);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(25);
    }
    fail(property + " did not arrive within " + timeout + "; last read: " + last);
    return last;
  }
}
