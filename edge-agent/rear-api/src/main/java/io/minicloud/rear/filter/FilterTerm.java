package io.minicloud.rear.filter;

import io.minicloud.rear.quantity.Quantity;

/**
 * One condition on a flavor attribute: {@code filter[cpu][match]=2} or {@code
 * filter[cpu][range][min]=1000m}. A match on a numeric attribute compares quantities ({@code 1} =
 * {@code 1000m}); on a text attribute it is exact equality (any element for lists such as tags).
 * Range bounds are inclusive; either may be absent.
 */
public sealed interface FilterTerm {

  String attribute();

  /** The query parameters that express this term, in the node's unencoded-bracket form. */
  String toQuery();

  record Match(String attribute, String text) implements FilterTerm {
    /** Whether the value ends in a unit suffix rather than a digit. */
    public boolean suffixed() {
      return !text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1));
    }

    @Override
    public String toQuery() {
      return "filter[" + attribute + "][match]=" + QueryStrings.encodeValue(text);
    }
  }

  /**
   * @param suffixed whether a bound was written with a unit suffix ({@code 2Gi}): for a VM's memory
   *     and storage that means bytes rather than the flavor's own MiB/GB
   */
  record Range(String attribute, Quantity min, Quantity max, boolean suffixed)
      implements FilterTerm {
    public boolean contains(Quantity value) {
      return (min == null || value.compareTo(min) >= 0)
          && (max == null || value.compareTo(max) <= 0);
    }

    @Override
    public String toQuery() {
      StringBuilder out = new StringBuilder();
      if (min != null) {
        out.append("filter[").append(attribute).append("][range][min]=").append(min);
      }
      if (max != null) {
        if (out.length() > 0) {
          out.append('&');
        }
        out.append("filter[").append(attribute).append("][range][max]=").append(max);
      }
      return out.toString();
    }
  }
}
