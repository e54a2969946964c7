package io.minicloud.mapper.mqtt.peers;

import io.minicloud.mapper.api.peers.MosquittoPeer;
import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto's own command-line clients ({@code mosquitto_pub}, {@code mosquitto_sub}) against a
 * {@link MosquittoPeer}: a real third-party client plays the device.
 */
public record MosquittoClients(
    String host, int port, MosquittoPeer.Mode mode, TestCertificates certificates) {

  public static MosquittoClients of(MosquittoPeer peer) {
    return new MosquittoClients("127.0.0.1", peer.port(), peer.mode(), peer.certificates());
  }

  public static boolean installed() {
    return PeerProcess.onPath("mosquitto_pub") && PeerProcess.onPath("mosquitto_sub");
  }

  private List<String> command(String program) {
    List<String> command =
        new ArrayList<>(List.of(program, "-h", host, "-p", Integer.toString(port)));
    if (mode != MosquittoPeer.Mode.PLAIN) {
      command.addAll(List.of("--cafile", certificates.caCert().toString()));
    }
    if (mode == MosquittoPeer.Mode.TLS_PASSWORD) {
      command.addAll(List.of("-u", MosquittoPeer.USER, "-P", MosquittoPeer.PASSWORD));
    }
    if (mode == MosquittoPeer.Mode.MUTUAL_TLS) {
      command.addAll(
          List.of(
              "--cert",
              certificates.clientCert().toString(),
              "--key",
              certificates.clientKey().toString()));
    }
    return command;
  }

  /**
   * Publishes one message as a device would, QoS 1; {@code extra} e.g. {@code -r}, {@code -V
   * mqttv311}.
   */
  public void publish(String topic, String payload, String... extra)
      throws IOException, InterruptedException {
    List<String> command = command("mosquitto_pub");
    command.addAll(List.of("-q", "1", "-t", topic, "-m", payload));
    command.addAll(List.of(extra));
    run(command);
  }

  /** Publishes a file's bytes as one message. */
  public void publishFile(String topic, Path file) throws IOException, InterruptedException {
    List<String> command = command("mosquitto_pub");
    command.addAll(List.of("-q", "1", "-t", topic, "-f", file.toString()));
    run(command);
  }

  /**
   * Starts {@code mosquitto_sub -C 1 -W 5}: it prints the first message on {@code topic} and exits
   * (exit 27 when none came in 5 s).
   */
  public Process subscribeOnce(String topic, String... extra) throws IOException {
    List<String> command = command("mosquitto_sub");
    command.addAll(List.of("-q", "1", "-t", topic, "-C", "1", "-W", "5"));
    command.addAll(List.of(extra));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(15, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command.get(0) + " failed (" + p.exitValue() + "): " + out);
    }
  }
}
