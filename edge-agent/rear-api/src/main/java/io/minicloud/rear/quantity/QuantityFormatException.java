package io.minicloud.rear.quantity;

/** A text that is not a Kubernetes quantity; the message quotes it and says why. */
public final class QuantityFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public QuantityFormatException(String text, String reason) {
    super("'" + abbreviate(text) + "' is not a Kubernetes quantity: " + reason);
  }

  private static String abbreviate(String text) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    StringBuilder out = new StringBuilder();
    for (char c : shown.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
