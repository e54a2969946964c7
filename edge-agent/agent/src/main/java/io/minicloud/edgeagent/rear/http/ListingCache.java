package io.minicloud.edgeagent.rear.http;

import io.minicloud.edgeagent.rear.catalog.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serialised flavor listings per query, valid for one list of offers: the board replaces its list
 * on every change, so a listing is reused only while the offers it was made from are current.
 * Consumers repeat the same few selectors (a Go node's Solver filters), and a 1,000-flavor listing
 * costs far more to filter and serialise than to send. Bounded; the oldest entry goes first.
 */
final class ListingCache {

  private static final int MAX_ENTRIES = 256;

  private List<Offer> madeFrom;
  private final Map<String, byte[]> listings =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  /** The listing for {@code key} made from {@code offers}, building it when absent or stale. */
  synchronized byte[] get(List<Offer> offers, String key, Supplier<byte[]> build) {
    if (offers != madeFrom) {
      listings.clear();
      madeFrom = offers;
    }
    byte[] cached = listings.get(key);
    if (cached == null) {
      cached = build.get();
      listings.put(key, cached);
    }
    return cached;
  }
}
