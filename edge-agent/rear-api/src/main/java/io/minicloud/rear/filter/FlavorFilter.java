package io.minicloud.rear.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.rear.filter.FilterTerm.Match;
import io.minicloud.rear.filter.FilterTerm.Range;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.quantity.Quantity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed {@code filter[...]} query for one flavor type: all terms must hold (AND). Build one with
 * {@link FilterParser#parse}; an empty filter matches every flavor of its type.
 */
public record FlavorFilter(String type, List<FilterTerm> terms) {

  public FlavorFilter {
    terms = List.copyOf(terms);
  }

  public static FlavorFilter none(String type) {
    return new FlavorFilter(type, List.of());
  }

  /** Whether {@code flavor} is of this type and satisfies every term. */
  public boolean matches(Flavor flavor) {
    if (flavor.type() == null || !type.equals(flavor.type().kind())) {
      return false;
    }
    try {
      for (FilterTerm term : terms) {
        if (!holds(term, flavor)) {
          return false;
        }
      }
      return true;
    } catch (JsonProcessingException | IllegalStateException e) {
      return false; // data that does not decode as its type matches no filter
    }
  }

  /** The node's query string for this filter (brackets unencoded, as the Go client sends them). */
  public String toQuery() {
    return terms.stream().map(FilterTerm::toQuery).collect(Collectors.joining("&"));
  }

  private boolean holds(FilterTerm term, Flavor flavor) throws JsonProcessingException {
    boolean numeric = FilterAttributes.isNumeric(type, term.attribute());
    boolean bytes = term instanceof Range r ? r.suffixed() : ((Match) term).suffixed();
    if (term instanceof Match m && numeric) {
      Quantity wanted = Quantity.parse(m.text());
      for (Object v : FilterAttributes.values(flavor, term.attribute(), bytes)) {
        if (v instanceof Quantity q && q.compareTo(wanted) == 0) {
          return true;
        }
      }
      return false;
    }
    for (Object v : FilterAttributes.values(flavor, term.attribute(), bytes)) {
      if (term instanceof Match m && m.text().equals(v)) {
        return true;
      }
      if (term instanceof Range r && v instanceof Quantity q && r.contains(q)) {
        return true;
      }
    }
    return false;
  }
}
