package io.minicloud.edgeagent.rear;

import io.minicloud.edgeagent.rear.catalog.Offer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * The offers as they stand, kept in memory so listing flavors touches neither the inventory sources
 * nor the ledger's database. Recomputed whenever the inventory or the ledger changes (and by the
 * periodic sweep); every recomputation is handed to the listeners with the previous list, which is
 * how subscribers learn of refreshed and withdrawn flavors.
 */
public final class OfferBoard {

  private static final Logger LOG = Logger.getLogger(OfferBoard.class);

  /** Computes the current offers; the ledger's view (inventory minus holds). */
  @FunctionalInterface
  public interface Source {
    List<Offer> offers() throws RearError;
  }

  private final Source source;
  private final List<BiConsumer<List<Offer>, List<Offer>>> listeners = new CopyOnWriteArrayList<>();
  private volatile List<Offer> offers = List.of();

  public OfferBoard(Source source) {
    this.source = source;
  }

  public List<Offer> offers() {
    return offers;
  }

  /** Called with (before, after) on every recomputation, on the refreshing thread. */
  public void onChange(BiConsumer<List<Offer>, List<Offer>> listener) {
    listeners.add(listener);
  }

  /** Recomputes the offers; a failing source keeps the previous list (and says why, once). */
  public synchronized void refresh() {
    List<Offer> after;
    try {
      after = List.copyOf(source.offers());
    } catch (RearError e) {
      LOG.warnf(
          "REAR offers not refreshed, keeping the previous %d: %s", offers.size(), e.getMessage());
      return;
    }
    List<Offer> before = offers;
    offers = after;
    for (BiConsumer<List<Offer>, List<Offer>> l : listeners) {
      try {
        l.accept(before, after);
      } catch (RuntimeException e) {
        LOG.errorf(e, "an offer listener failed; the others still run");
      }
    }
  }
}
