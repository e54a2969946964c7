package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.MosquittoPeer.Mode;
import io.minicloud.mapper.api.peers.PeerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands from mosquitto_pub reach the handler, also after the broker restarted. */
@Tag("peer")
class CommandListenerIT {
  @TempDir Path dir;
  private MosquittoPeer broker;

  @BeforeEach
  void startBroker() throws Exception {
    assertTrue(MosquittoPeer.installed(), "mosquitto is missing (shared/PEERS.md)");
    broker = MosquittoPeer.start(dir.resolve("broker"), Mode.PLAIN);
  }

  @AfterEach
  void stopBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void commandsArriveAndKeepArrivingAfterABrokerRestart() throws Exception {
    // GIVEN a sink with a command listener, connected (auto: MQTT 5), and a clean session so the
    // broker cannot keep the subscription for it: only resubscribing brings it back
    NorthboundOptions options =
        NorthboundOptions.builder(broker.uri(), "gw")
            .cleanStart(true)
            .reconnect(new ReconnectOptions(Duration.ofMillis(100), Duration.ofMillis(500), 2))
            .build();
    List<String> handled = new CopyOnWriteArrayList<>();
    try (MqttSink sink = new MqttSink(options);
        CommandListener listener =
            new CommandListener(
                sink,
                (device, method, payload) ->
                    handled.add(
                        device
                            + " "
                            + method
                            + " "
                            + new String(payload, StandardCharsets.UTF_8)))) {
      sink.start();
      assertTrue(sink.awaitConnected(Duration.ofSeconds(20)), sink.lastError().orElse(""));

      // WHEN mosquitto_pub sends a command and a desired state
      publish("minicloud/v1/gw/pump/cmd/write", "{\"speed\":3}");
      publish("minicloud/v1/gw/pump/twin/desired", "{\"on\":true}");
      Waiting.until("two handled", () -> handled.size() == 2);

      // AND the broker restarts (the sink reconnects and subscribes again), and another command
      broker.stop();
      Waiting.until("the loss noticed", () -> !sink.isConnected());
      broker.start();
      Waiting.until(
          "a reconnect",
          Duration.ofSeconds(30),
          () -> sink.isConnected() && sink.reconnects() == 1,
          () -> sink.lastError().orElse(""));
      publish("minicloud/v1/gw/valve/cmd/open", "1");
      Waiting.until("three handled", () -> handled.size() == 3);

      // THEN the handler got all three, with device and method
      assertEquals(
          List.of("pump write {\"speed\":3}", "pump desired {\"on\":true}", "valve open 1"),
          handled);
      assertEquals(0, listener.malformed());
    }
  }

  private void publish(String topic, String payload) throws Exception {
    PeerProcess.run(
        dir,
        "mosquitto_pub",
        "-h",
        "127.0.0.1",
        "-p",
        Integer.toString(broker.port()),
        "-q",
        "1",
        "-t",
        topic,
        "-m",
        payload);
  }
}
