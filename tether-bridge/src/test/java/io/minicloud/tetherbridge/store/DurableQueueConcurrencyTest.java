package io.minicloud.tetherbridge.store;

import static io.minicloud.tetherbridge.store.DurableQueueTest.number;
import static io.minicloud.tetherbridge.store.DurableQueueTest.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueConcurrencyTest {
  private static final String[] DEVICES = {"pump", "meter", "valve"};
  private static final int PER_DEVICE = 3_000;

  @Test
  void aProducerAndAConsumerAtOnceLoseAndReorderNothing(@TempDir Path dir) throws Exception {
    try (DurableQueue queue = new DurableQueue(dir, new DurableQueueOptions(1_000_000, 1L << 30))) {
      // GIVEN a producer offering readings of three devices, singly and in batches
      CompletableFuture<Void> producer =
          CompletableFuture.runAsync(
              () -> {
                for (int n = 0; n < PER_DEVICE; n++) {
                  if (n % 2 == 0) {
                    for (String d : DEVICES) {
                      queue.offer(reading(d, n));
                    }
                  } else {
                    List<OutboundMessage> batch = new ArrayList<>();
                    for (String d : DEVICES) {
                      batch.add(reading(d, n));
                    }
                    queue.offerAll(batch);
                  }
                }
              });

      // WHEN a consumer keeps a window in flight and confirms what it took, at the same time
      Map<String, List<Integer>> received = new HashMap<>();
      Set<Long> inFlight = new HashSet<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      int total = 0;
      while (total < DEVICES.length * PER_DEVICE && System.nanoTime() < deadline) {
        List<QueuedMessage> batch = queue.peek(32, inFlight);
        for (QueuedMessage q : batch) {
          received.computeIfAbsent(q.message().device(), d -> new ArrayList<>()).add(number(q));
          inFlight.add(q.seq());
          total++;
        }
        if (inFlight.size() >= 64 || batch.isEmpty()) {
          queue.acknowledge(List.copyOf(inFlight));
          inFlight.clear();
        }
      }
      producer.get(60, TimeUnit.SECONDS);
      queue.acknowledge(List.copyOf(inFlight));

      // THEN every device's readings came exactly once and in order, and the queue is empty
      for (String d : DEVICES) {
        List<Integer> got = received.get(d);
        assertEquals(PER_DEVICE, got.size(), d);
        for (int n = 0; n < PER_DEVICE; n++) {
          assertEquals(n, got.get(n), d + " at " + n);
        }
      }
      assertEquals(0, queue.depthMessages());
      assertEquals(0, queue.depthBytes());
      assertTrue(queue.peek(10, Set.of()).isEmpty());
    }
  }
}
