package io.minicloud.edgeagent.query;

import io.minicloud.rear.quantity.Quantity;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code where} terms, {@code <attribute><operator><value>}, by hand in one left-to-right
 * pass (no regular expressions, so no backtracking on hostile input). Every problem is a {@link
 * QueryException}; nothing else escapes, whatever the input.
 */
public final class QueryParser {

  public static final int MAX_TERMS = 32;
  public static final int MAX_TERM_LENGTH = 256;

  private QueryParser() {}

  /** All terms, in order, combined with AND by {@link Query}. */
  public static <T> Query<T> parse(Attributes<T> attributes, List<String> terms) {
    if (terms.size() > MAX_TERMS) {
      throw new QueryException(
          "more than " + MAX_TERMS + " where terms (" + terms.size() + ")", "", MAX_TERMS);
    }
    List<Term<T>> parsed = new ArrayList<>();
    for (String term : terms) {
      parsed.add(term(attributes, term == null ? "" : term));
    }
    return new Query<>(attributes, parsed);
  }

  static <T> Term<T> term(Attributes<T> attributes, String term) {
    if (term.isBlank()) {
      throw new QueryException("empty where term", term, 0);
    }
    if (term.length() > MAX_TERM_LENGTH) {
      throw new QueryException(
          "where term longer than " + MAX_TERM_LENGTH + " characters", term, MAX_TERM_LENGTH);
    }
    int i = 0;
    while (i < term.length() && isAttributeChar(term.charAt(i))) {
      i++;
    }
    String name = term.substring(0, i);
    if (i == term.length()) {
      throw new QueryException(
          "no operator: write <attribute><op><value> with op one of = < <= > >=", term, i);
    }
    if (name.isEmpty()) {
      throw new QueryException("no attribute name before the operator", term, i);
    }
    Attribute<T> attribute =
        attributes
            .find(name)
            .orElseThrow(
                () ->
                    new QueryException(
                        "unknown " + attributes.kind() + " attribute '" + name + "'", term, 0));
    int opStart = i;
    Operator op;
    char c = term.charAt(i);
    if (c == '=') {
      op = Operator.EQ;
      i++;
    } else if (c == '<' || c == '>') {
      boolean orEqual = i + 1 < term.length() && term.charAt(i + 1) == '=';
      op = c == '<' ? (orEqual ? Operator.LE : Operator.LT) : (orEqual ? Operator.GE : Operator.GT);
      i += orEqual ? 2 : 1;
    } else {
      throw new QueryException(
          "unexpected character '" + c + "' in attribute name (allowed: a-z 0-9 . _ - /)", term, i);
    }
    String value = term.substring(i).strip();
    if (value.isEmpty()) {
      throw new QueryException("no value after '" + op.symbol() + "'", term, i);
    }
    return typed(attribute, op, value, term, opStart, i);
  }

  private static <T> Term<T> typed(
      Attribute<T> a, Operator op, String value, String term, int opStart, int valueStart) {
    switch (a.type()) {
      case TEXT:
        requireEquals(a, op, term, opStart, "exact");
        return new Term<>(a, op, null, null, value, false, term);
      case BOOLEAN:
        requireEquals(a, op, term, opStart, "boolean");
        if (!value.equals("true") && !value.equals("false")) {
          throw new QueryException(
              "'" + a.name() + "' is boolean: use =true or =false", term, valueStart);
        }
        return new Term<>(a, op, null, null, null, value.equals("true"), term);
      default:
        int dots = op == Operator.EQ ? value.indexOf("..") : -1;
        if (dots < 0) {
          return new Term<>(a, op, quantity(value, term, valueStart), null, null, false, term);
        }
        Quantity low = quantity(value.substring(0, dots).strip(), term, valueStart);
        Quantity high = quantity(value.substring(dots + 2).strip(), term, valueStart + dots + 2);
        if (low.compareTo(high) > 0) {
          throw new QueryException("empty range: " + low + " is above " + high, term, valueStart);
        }
        return new Term<>(a, op, low, high, null, false, term);
    }
  }

  private static void requireEquals(Attribute<?> a, Operator op, String term, int at, String what) {
    if (op != Operator.EQ) {
      throw new QueryException(
          "'" + a.name() + "' is " + what + ": only = applies, not " + op.symbol(), term, at);
    }
  }

  private static Quantity quantity(String text, String term, int at) {
    if (text.isEmpty()) {
      throw new QueryException("missing quantity", term, at);
    }
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      // QuantityFormatException, and whatever BigDecimal says of an absurd exponent
      throw new QueryException(
          "bad quantity '" + QueryException.echo(text) + "' (e.g. 2, 500m, 2Gi, 1e3)", term, at);
    }
  }

  private static boolean isAttributeChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '/';
  }
}
