package io.minicloud.edgeagent.query;

import io.minicloud.edgeagent.inventory.InventorySnapshot;
import java.util.List;

/** Parsed terms of one kind, ANDed: an item matches when every term matches it. */
public record Query<T>(Attributes<T> attributes, List<Term<T>> terms) {

  public Query {
    terms = List.copyOf(terms);
  }

  public List<T> run(InventorySnapshot snapshot) {
    return attributes.items(snapshot).stream()
        .filter(item -> terms.stream().allMatch(t -> t.test(item)))
        .toList();
  }
}
