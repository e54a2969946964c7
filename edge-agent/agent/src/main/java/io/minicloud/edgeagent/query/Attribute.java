package io.minicloud.edgeagent.query;

import java.util.List;
import java.util.function.Function;

/**
 * A queryable attribute of one kind of inventory item.
 *
 * @param name as written in a term, e.g. {@code memory} or {@code gpu.model}
 * @param type which operators and values it takes
 * @param description for the API documentation
 * @param values the item's values; a term matches when any of them satisfies it (a device has many
 *     properties, a node many GPUs), and never when there are none
 */
public record Attribute<T>(
    String name, Type type, String description, Function<T, List<?>> values) {

  /** What kind of values an attribute has, which decides the operators it accepts. */
  public enum Type {
    /** A Kubernetes quantity: range ({@code < <= > >=}, {@code =a..b}) and exact ({@code =}). */
    QUANTITY,
    /** Text: exact ({@code =}) only, case-sensitive. */
    TEXT,
    /** {@code =true} or {@code =false}. */
    BOOLEAN
  }
}
