package io.minicloud.edgeagent.rear.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.edgeagent.rear.catalog.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ListingCacheTest {

  @Test
  void aListingIsReusedOnlyWhileItsOffersAreCurrent() {
    ListingCache cache = new ListingCache();
    AtomicInteger builds = new AtomicInteger();
    List<Offer> first = new ArrayList<>();
    byte[] a = cache.get(first, "k8slice?", () -> new byte[] {(byte) builds.incrementAndGet()});
    byte[] again = cache.get(first, "k8slice?", () -> new byte[] {(byte) builds.incrementAndGet()});
    assertArrayEquals(a, again);
    assertEquals(1, builds.get());
    cache.get(first, "service?", () -> new byte[] {(byte) builds.incrementAndGet()});
    assertEquals(2, builds.get(), "another query is another listing");
    // the board replaced its list (a reservation, an inventory change): rebuilt, even if equal
    byte[] fresh =
        cache.get(
            new ArrayList<>(), "k8slice?", () -> new byte[] {(byte) builds.incrementAndGet()});
    assertEquals(3, fresh[0]);
  }
}
