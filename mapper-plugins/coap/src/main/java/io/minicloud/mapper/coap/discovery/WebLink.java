package io.minicloud.mapper.coap.discovery;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One link of a CoRE link-format document (RFC 6690): a target and its attributes in the order
 * given. An attribute may repeat ({@code rt="a";rt="b"}) and a quoted value may hold several
 * space-separated tokens ({@code rt="temperature sensor"}); {@link #tokens} sees both.
 */
public record WebLink(String target, Map<String, List<String>> attributes) {

  public WebLink {
    Objects.requireNonNull(target, "target");
    attributes = Map.copyOf(attributes);
  }

  public boolean has(String attribute) {
    return attributes.containsKey(attribute);
  }

  public Optional<String> first(String attribute) {
    List<String> values = attributes.get(attribute);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every space-separated token of every value of {@code attribute}, lower case. */
  public List<String> tokens(String attribute) {
    return attributes.getOrDefault(attribute, List.of()).stream()
        .flatMap(v -> java.util.Arrays.stream(v.trim().split("\\s+")))
        .filter(t -> !t.isEmpty())
        .map(t -> t.toLowerCase(Locale.ROOT))
        .toList();
  }
}
