package io.minicloud.mapper.coap.discovery;

import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A property guessed from one link of {@code /.well-known/core}. Link format says where a resource
 * is, whether it is observable ({@code obs}), its content formats ({@code ct}) and, loosely, what
 * it is ({@code rt}, {@code if}, {@code title}); it never says the value's type or whether it can
 * be written. Both are guesses from those words, and the YAML says so.
 *
 * @param type a KubeEdge property type: {@code FLOAT}, {@code BOOLEAN}, {@code STRING}, {@code
 *     BYTES}
 * @param writable true for the CoRE interfaces of actuators and parameters ({@code if="core.a"} or
 *     {@code if="core.p"})
 */
public record SuggestedProperty(
    String name,
    String path,
    String type,
    boolean writable,
    boolean observe,
    PayloadFormat format,
    Optional<String> title) {

  private static final List<String> NUMERIC =
      List.of(
          "temp",
          "humid",
          "pressure",
          "volt",
          "current",
          "power",
          "energy",
          "level",
          "lux",
          "light",
          "co2",
          "speed",
          "setpoint",
          "count",
          "percent",
          "battery",
          "rssi");
  private static final List<String> BOOLEAN =
      List.of("switch", "relay", "onoff", "on-off", "led", "button", "door", "motion", "presence");

  /** The suggestion for one link whose target is a local path. */
  static SuggestedProperty of(String name, WebLink link) {
    PayloadFormat format =
        link.tokens("ct").stream()
            .map(SuggestedProperty::number)
            .flatMap(n -> PayloadFormat.ofNumber(n).stream())
            .findFirst()
            .orElse(PayloadFormat.TEXT);
    StringBuilder words = new StringBuilder(link.target().toLowerCase(Locale.ROOT));
    link.tokens("rt").forEach(t -> words.append(' ').append(t));
    link.tokens("if").forEach(t -> words.append(' ').append(t));
    link.first("title").ifPresent(t -> words.append(' ').append(t.toLowerCase(Locale.ROOT)));
    String text = words.toString();
    String type;
    if (format == PayloadFormat.OCTETS) {
      type = "BYTES";
    } else if (BOOLEAN.stream().anyMatch(text::contains)) {
      type = "BOOLEAN";
    } else if (NUMERIC.stream().anyMatch(text::contains)) {
      type = "FLOAT";
    } else {
      type = "STRING";
    }
    List<String> interfaces = link.tokens("if");
    boolean writable = interfaces.contains("core.a") || interfaces.contains("core.p");
    return new SuggestedProperty(
        name, link.target(), type, writable, link.has("obs"), format, link.first("title"));
  }

  private static int number(String token) {
    try {
      return token.length() > 5 ? -1 : Integer.parseInt(token);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
