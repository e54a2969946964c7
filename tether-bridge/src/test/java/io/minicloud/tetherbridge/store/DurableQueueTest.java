package io.minicloud.tetherbridge.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueTest {
  private static final DurableQueueOptions ROOMY = new DurableQueueOptions(10_000, 10_000_000);

  @TempDir Path dir;

  static OutboundMessage reading(String device, int n) {
    return OutboundMessage.of(
        device, "minicloud/v1/gw/" + device + "/state", ("" + n).getBytes(StandardCharsets.UTF_8));
  }

  static int number(QueuedMessage q) {
    return Integer.parseInt(new String(q.message().payload(), StandardCharsets.UTF_8));
  }

  static List<String> payloads(List<QueuedMessage> messages) {
    List<String> out = new ArrayList<>();
    for (QueuedMessage q : messages) {
      out.add(q.message().device() + ":" + number(q));
    }
    return out;
  }

  @Test
  void keepsTheOrderOfOffersAcrossDevices() {
    try (DurableQueue queue = new DurableQueue(dir, ROOMY)) {
      // GIVEN readings of two devices, interleaved, one by one and in a batch
      queue.offer(reading("a", 1));
      queue.offer(reading("b", 1));
      queue.offerAll(List.of(reading("a", 2), reading("b", 2), reading("a", 3)));

      // WHEN the sink peeks
      List<QueuedMessage> head = queue.peek(10, Set.of());

      // THEN it gets them in offer order, every field intact, with increasing sequences
      assertEquals(List.of("a:1", "b:1", "a:2", "b:2", "a:3"), payloads(head));
      assertEquals(reading("a", 1), head.get(0).message());
      for (int i = 1; i < head.size(); i++) {
        assertTrue(head.get(i).seq() > head.get(i - 1).seq());
      }
    }
  }

  @Test
  void sendsHigherPriorityFirstThenBySequence() {
    try (DurableQueue queue = new DurableQueue(dir, ROOMY)) {
      // GIVEN telemetry at priority 0 and state changes at priority 5
      queue.offer(reading("a", 1));
      queue.offer(reading("a", 2).withPriority(5));
      queue.offer(reading("b", 3));
      queue.offer(reading("b", 4).withPriority(5));

      // WHEN peeking
      List<QueuedMessage> head = queue.peek(10, Set.of());

      // THEN priority 5 comes first, each priority in sequence order
      assertEquals(List.of("a:2", "b:4", "a:1", "b:3"), payloads(head));
    }
  }

  @Test
  void skipsWhatIsInFlightAndDeletesOnlyWhatIsAcknowledged() {
    try (DurableQueue queue = new DurableQueue(dir, ROOMY)) {
      // GIVEN five messages, of which the first two are in flight
      for (int i = 1; i <= 5; i++) {
        queue.offer(reading("a", i));
      }
      List<QueuedMessage> first = queue.peek(2, Set.of());
      Set<Long> inFlight = Set.of(first.get(0).seq(), first.get(1).seq());

      // WHEN the sink asks for more, then confirms only the second one
      List<QueuedMessage> next = queue.peek(2, inFlight);
      int deleted = queue.acknowledge(List.of(first.get(1).seq(), 999_999L));

      // THEN it got the next two, and the unconfirmed first one is still the head
      assertEquals(List.of("a:3", "a:4"), payloads(next));
      assertEquals(1, deleted);
      assertEquals(4, queue.depthMessages());
      assertEquals(List.of("a:1", "a:3", "a:4", "a:5"), payloads(queue.peek(10, Set.of())));
    }
  }

  @Test
  void dropsExpiredMessagesInsteadOfSendingThem() {
    AtomicLong now = new AtomicLong(1_000_000);
    try (DurableQueue queue = new DurableQueue(dir, ROOMY, now::get)) {
      // GIVEN one message that lives 10 s, one that never expires, one expired on arrival
      queue.offer(reading("a", 1).withExpiry(now.get() + 10_000));
      queue.offer(reading("a", 2));
      long refused = queue.offer(reading("a", 3).withExpiry(now.get() - 1));

      // WHEN 11 s pass
      now.addAndGet(11_000);
      List<QueuedMessage> head = queue.peek(10, Set.of());

      // THEN only the one without expiry is sent; both others are counted as expired
      assertEquals(-1, refused);
      assertEquals(List.of("a:2"), payloads(head));
      assertEquals(2, queue.dropped(DropReason.EXPIRED));
      assertEquals(1, queue.depthMessages());
    }
  }

  @Test
  void whenFullDropsTheLowestPriorityOldestFirst() {
    try (DurableQueue queue = new DurableQueue(dir, new DurableQueueOptions(3, 1_000_000))) {
      // GIVEN a full queue: two telemetry readings (priority 0) and one state change (5)
      queue.offer(reading("a", 1));
      queue.offer(reading("a", 2).withPriority(5));
      queue.offer(reading("a", 3));

      // WHEN another state change arrives, and then another telemetry reading
      long state = queue.offer(reading("a", 4).withPriority(5));
      long telemetry = queue.offer(reading("a", 5));

      // THEN the oldest telemetry made room both times; nothing blocked
      assertTrue(state > 0);
      assertTrue(telemetry > 0);
      assertEquals(List.of("a:2", "a:4", "a:5"), payloads(queue.peek(10, Set.of())));
      assertEquals(2, queue.dropped(DropReason.FULL));
      assertEquals(3, queue.depthMessages());
    }
  }

  @Test
  void whenFullOfMoreImportantMessagesDropsTheNewOne() {
    try (DurableQueue queue = new DurableQueue(dir, new DurableQueueOptions(2, 1_000_000))) {
      // GIVEN a queue full of priority 5
      queue.offer(reading("a", 1).withPriority(5));
      queue.offer(reading("a", 2).withPriority(5));

      // WHEN a priority 0 reading arrives
      long seq = queue.offer(reading("a", 3));

      // THEN that one is dropped and counted, the important ones stay
      assertEquals(-1, seq);
      assertEquals(1, queue.dropped(DropReason.FULL));
      assertEquals(List.of("a:1", "a:2"), payloads(queue.peek(10, Set.of())));
    }
  }

  @Test
  void boundsBytesAndRejectsAMessageLargerThanTheWholeQueue() {
    long size = sized(1).sizeBytes();
    long bound = 3 * size + 10;
    try (DurableQueue queue = new DurableQueue(dir, new DurableQueueOptions(1_000, bound))) {
      // GIVEN room for three 500-byte messages by bytes, and five offered
      for (int i = 1; i <= 5; i++) {
        queue.offer(sized(i));
      }

      // WHEN one message alone is larger than the bound
      long seq = queue.offer(OutboundMessage.of("a", "t/huge", new byte[(int) bound]));

      // THEN the byte bound held (oldest dropped) and the huge one was refused for its size
      assertEquals(3, queue.depthMessages());
      assertEquals(3 * size, queue.depthBytes());
      List<QueuedMessage> head = queue.peek(10, Set.of());
      assertEquals(
          List.of(3, 4, 5), head.stream().map(q -> (int) q.message().payload()[0]).toList());
      assertEquals(2, queue.dropped(DropReason.FULL));
      assertEquals(-1, seq);
      assertEquals(1, queue.dropped(DropReason.TOO_LARGE));
    }
  }

  private static OutboundMessage sized(int n) {
    byte[] payload = new byte[500];
    payload[0] = (byte) n;
    return OutboundMessage.of("a", "minicloud/v1/gw/a/state", payload);
  }

  @Test
  void everythingUnconfirmedSurvivesARestartInOrder() {
    long ackedSeq;
    // GIVEN a queue with four messages, one of them confirmed, closed like a stopping process
    try (DurableQueue queue = new DurableQueue(dir, ROOMY)) {
      queue.offerAll(List.of(reading("a", 1), reading("b", 1), reading("a", 2)));
      queue.offer(reading("b", 2).withPriority(3));
      ackedSeq = queue.peek(1, Set.of()).get(0).seq();
      queue.acknowledge(List.of(ackedSeq));
    }

    // WHEN it is opened again from the same directory
    try (DurableQueue reopened = new DurableQueue(dir, ROOMY)) {
      // THEN the unconfirmed messages are there in order, with their depth, and new ones follow
      assertEquals(3, reopened.depthMessages());
      assertEquals(3 * reading("a", 1).sizeBytes(), reopened.depthBytes());
      long next = reopened.offer(reading("a", 3));
      List<QueuedMessage> head = reopened.peek(10, Set.of());
      assertEquals(List.of("a:1", "b:1", "a:2", "a:3"), payloads(head));
      assertTrue(next > ackedSeq, "sequences are never reused");
    }
  }

  @Test
  void reportsTheAgeOfTheOldestMessage() {
    AtomicLong now = new AtomicLong(5_000);
    try (DurableQueue queue = new DurableQueue(dir, ROOMY, now::get)) {
      // GIVEN an empty queue, then two messages offered 3 s apart
      long emptyAge = queue.oldestAgeMillis();
      queue.offer(reading("a", 1));
      now.addAndGet(3_000);
      queue.offer(reading("a", 2));
      now.addAndGet(1_000);

      // WHEN asked for the oldest age
      long age = queue.oldestAgeMillis();

      // THEN it is the first message's age
      assertEquals(0, emptyAge);
      assertEquals(4_000, age);
    }
  }

  @Test
  void tellsTheConsumerWhenMessagesArrive() {
    try (DurableQueue queue = new DurableQueue(dir, new DurableQueueOptions(1, 1_000_000))) {
      // GIVEN a listener
      AtomicLong calls = new AtomicLong();
      queue.onArrival(calls::incrementAndGet);
      queue.offer(reading("a", 1).withPriority(9));

      // WHEN a message is stored, and another one is dropped
      queue.offer(reading("a", 2));

      // THEN only the stored one was announced
      assertEquals(1, calls.get());
    }
  }
}
