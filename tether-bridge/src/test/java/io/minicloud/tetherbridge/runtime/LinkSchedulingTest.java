package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a link's owner orders and spreads requests, on the FAKE in-memory bus (FakeBus). */
class LinkSchedulingTest {
  @TempDir Path dir;
  private final String bus = "bus-" + UUID.randomUUID();
  private final BridgeRuntime runtime = RuntimeTestKit.fakeRuntime(DevicePublisher.NONE, 3);

  @AfterEach
  void close() {
    runtime.close();
  }

  @Test
  void writesGoBeforeReadsEvenOnABusyLink() throws Exception {
    // GIVEN three devices polled as fast as possible, each request taking 10 ms
    FakeBus fake = FakeBus.named(bus);
    fake.requestMillis = 10;
    runtime.apply(
        DeviceFiles.read(
            dir,
            DeviceFiles.MODEL
                + DeviceFiles.device("d1", bus, 1, 1, "")
                + DeviceFiles.device("d2", bus, 2, 1, "")
                + DeviceFiles.device("d3", bus, 3, 1, "")));
    Thread.sleep(200);
    // WHEN two writes are asked for at once
    int before = fake.log.size();
    CompletableFuture<?> a = runtime.desire("d1", "setpoint", 10);
    CompletableFuture<?> b = runtime.desire("d2", "setpoint", 20);
    CompletableFuture.allOf(a, b).get(5, TimeUnit.SECONDS);
    // THEN the bus carries both writes back to back, before their read-backs and any poll
    List<String> after = fake.log.subList(before, fake.log.size());
    int first = after.indexOf("w1");
    assertTrue(
        first >= 0 && first <= 1,
        "the first write waits at most for the request on the wire: " + after);
    assertEquals("w2", after.get(first + 1), after.toString());
    assertEquals(List.of("r1", "r2"), after.subList(first + 2, first + 4), "read-backs next");
  }

  @Test
  void anEndpointThatTakesTwoConnectionsGetsTwoAndTwiceTheRate() throws Exception {
    // GIVEN two devices on one endpoint that accepts 2 connections, each request 20 ms, polled
    // every 10 ms: one connection could carry ~50 requests/s in all
    FakeBus fake = FakeBus.named(bus);
    fake.requestMillis = 20;
    runtime.apply(
        DeviceFiles.read(
            dir,
            DeviceFiles.MODEL
                + DeviceFiles.device("d1", bus, 1, 10, "", 2)
                + DeviceFiles.device("d2", bus, 2, 10, "", 2)));
    // WHEN they run for 2 s
    Thread.sleep(2000);
    // THEN exactly two connections were opened, and together they carried well over one's worth
    assertEquals(2, fake.connections.get());
    int reads = fake.reads(1) + fake.reads(2);
    assertTrue(reads > 130, reads + " reads in 2 s: two connections should carry ~200");
  }
}
