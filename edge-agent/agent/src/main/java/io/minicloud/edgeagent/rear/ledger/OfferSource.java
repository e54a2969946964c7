package io.minicloud.edgeagent.rear.ledger;

import io.minicloud.edgeagent.rear.catalog.Held;
import io.minicloud.edgeagent.rear.catalog.Offer;
import java.util.List;
import java.util.Map;

/** The current offers given what is held: the catalog over the latest inventory snapshot. */
@FunctionalInterface
public interface OfferSource {
  List<Offer> offers(Map<String, Held> holds);
}
