package io.minicloud.edgeagent.query;

import io.minicloud.rear.quantity.Quantity;
import java.util.List;
import java.util.function.Predicate;

/**
 * One parsed, typed {@code where} term. Exactly the fields its attribute's type needs are set:
 * {@code low}/{@code high} for a quantity ({@code high} only for {@code a..b}), {@code text} for
 * text, {@code bool} for a boolean.
 */
public record Term<T>(
    Attribute<T> attribute,
    Operator operator,
    Quantity low,
    Quantity high,
    String text,
    boolean bool,
    String source)
    implements Predicate<T> {

  @Override
  public boolean test(T item) {
    List<?> values = attribute.values().apply(item);
    for (Object v : values) {
      if (matches(v)) {
        return true;
      }
    }
    return false;
  }

  private boolean matches(Object value) {
    return switch (attribute.type()) {
      case TEXT -> text.equals(value);
      case BOOLEAN -> value instanceof Boolean b && b == bool;
      case QUANTITY -> value instanceof Quantity q && compare(q);
    };
  }

  private boolean compare(Quantity q) {
    return switch (operator) {
      case EQ ->
          high == null ? q.compareTo(low) == 0 : q.compareTo(low) >= 0 && q.compareTo(high) <= 0;
      case LT -> q.compareTo(low) < 0;
      case LE -> q.compareTo(low) <= 0;
      case GT -> q.compareTo(low) > 0;
      case GE -> q.compareTo(low) >= 0;
    };
  }
}
