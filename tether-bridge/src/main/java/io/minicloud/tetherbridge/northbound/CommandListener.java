package io.minicloud.tetherbridge.northbound;

import io.minicloud.tetherbridge.northbound.TopicRoot.Inbound;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Commands and desired state from the northbound broker: subscribes (QoS 1, again after every
 * reconnect, through the sink) to {@code minicloud/v1/<node>/+/cmd/+} and {@code
 * minicloud/v1/<node>/+/twin/desired}, and hands each message to the {@link CommandHandler} on its
 * own thread, so a slow handler never holds up the PUBACKs the forwarder is waiting for.
 */
public final class CommandListener implements AutoCloseable {
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  /** Commands waiting for the handler; beyond this they are dropped (and counted). */
  static final int BACKLOG = 256;

  private static final Logger LOG = Logger.getLogger(CommandListener.class);

  private final TopicRoot root;
  private final CommandHandler handler;
  private final ThreadPoolExecutor executor;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong oversized = new AtomicLong();
  private final AtomicLong overflowed = new AtomicLong();
  private final AtomicLong handlerErrors = new AtomicLong();

  /** Registers the two subscriptions on {@code sink}; best before {@link MqttSink#start()}. */
  public CommandListener(MqttSink sink, CommandHandler handler) {
    this.root = sink.options().topicRoot();
    this.handler = handler;
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG),
            r -> {
              Thread t = new Thread(r, "northbound-commands");
              t.setDaemon(true);
              return t;
            });
    sink.subscribe(root.commandFilter(), this::messageArrived);
    sink.subscribe(root.desiredFilter(), this::messageArrived);
  }

  /** A message on one of the two filters, on the MQTT client's thread. */
  void messageArrived(String topic, byte[] payload) {
    received.incrementAndGet();
    Optional<Inbound> inbound = root.parseInbound(topic);
    if (inbound.isEmpty()) {
      malformed.incrementAndGet();
      LOG.debugf("commands: ignored topic %s", topic);
      return;
    }
    Inbound in = inbound.get();
    if (payload.length > MAX_PAYLOAD_BYTES) {
      oversized.incrementAndGet();
      LOG.warnf(
          "commands: dropped %s for device %s: %d bytes, the limit is %d",
          in.method(), in.device(), payload.length, MAX_PAYLOAD_BYTES);
      return;
    }
    try {
      executor.execute(() -> handle(in, payload));
    } catch (RejectedExecutionException e) {
      overflowed.incrementAndGet();
      LOG.warnf(
          "commands: dropped %s for device %s: %d commands already wait for the handler",
          in.method(), in.device(), BACKLOG);
    }
  }

  private void handle(Inbound in, byte[] payload) {
    try {
      handler.handle(in.device(), in.method(), payload);
      handled.incrementAndGet();
    } catch (Exception e) {
      handlerErrors.incrementAndGet();
      LOG.warnf(e, "commands: handler failed on %s for device %s", in.method(), in.device());
    }
  }

  /** Messages on our topics, well-formed or not. */
  public long received() {
    return received.get();
  }

  /** Handed to the handler, which returned normally. */
  public long handled() {
    return handled.get();
  }

  /** Topics under our root that are neither a command nor desired state (ignored). */
  public long malformed() {
    return malformed.get();
  }

  /** Payloads over {@link #MAX_PAYLOAD_BYTES} (dropped). */
  public long oversized() {
    return oversized.get();
  }

  /** Dropped because {@link #BACKLOG} commands were already waiting for the handler. */
  public long overflowed() {
    return overflowed.get();
  }

  public long handlerErrors() {
    return handlerErrors.get();
  }

  /** Stops the handler thread after the command it is running. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("commands: the handler did not finish within 5 s of close");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
