package io.minicloud.tetherbridge.northbound;

/** What the core does with a command or desired state that arrived from the northbound broker. */
@FunctionalInterface
public interface CommandHandler {
  /**
   * The {@code method} of desired twin state ({@code .../twin/desired}). Reserved: a command topic
   * {@code .../cmd/desired} is ignored as malformed so the two can never be confused.
   */
  String DESIRED = "desired";

  /**
   * Runs on the command listener's own thread, one at a time, never on the MQTT client's thread.
   *
   * @param device the device level of the topic
   * @param method the command name from {@code .../cmd/<method>}, or {@link #DESIRED}
   * @param payload at most {@link CommandListener#MAX_PAYLOAD_BYTES}
   */
  void handle(String device, String method, byte[] payload) throws Exception;
}
