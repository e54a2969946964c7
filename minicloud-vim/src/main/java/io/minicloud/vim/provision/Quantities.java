package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Kubernetes quantities at the API's boundary: parsed strictly, bounded, written canonically. */
final class Quantities {

  /** The API server's own pattern for a quantity (no sign: nothing here may be negative). */
  private static final Pattern QUANTITY =
      Pattern.compile("^[0-9]+(\\.[0-9]+)?([eE][0-9]+|[numkMGTPE]|[KMGTPE]i)?$");

  private Quantities() {}

  /**
   * @param max the largest value accepted (in base units: cores, bytes, count)
   * @throws IllegalArgumentException with the reason, for the caller to prefix with the field
   */
  static Quantity parse(String text, BigDecimal max) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("required");
    }
    if (text.length() > 32 || !QUANTITY.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "'"
              + printable(text)
              + "' is not a non-negative Kubernetes quantity (e.g. 2, 500m, 4Gi)");
    }
    BigDecimal value;
    try {
      value = new Quantity(text).getNumericalAmount();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + printable(text) + "' is not a quantity");
    }
    if (value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "'"
              + printable(text)
              + "' is more than this minicloud could ever give ("
              + max.toPlainString()
              + ")");
    }
    return new Quantity(text);
  }

  /** An amount in base units as a quantity: whole numbers plain, fractions in milli-units. */
  static Quantity canonical(BigDecimal amount) {
    if (amount.stripTrailingZeros().scale() <= 0) {
      return new Quantity(amount.setScale(0, RoundingMode.UNNECESSARY).toPlainString());
    }
    BigDecimal milli = amount.movePointRight(3).setScale(0, RoundingMode.CEILING);
    return new Quantity(milli.toPlainString() + "m");
  }

  static boolean isWhole(Quantity q) {
    return q.getNumericalAmount().stripTrailingZeros().scale() <= 0;
  }

  static String printable(String s) {
    String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
  }
}
