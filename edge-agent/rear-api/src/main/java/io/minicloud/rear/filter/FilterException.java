package io.minicloud.rear.filter;

/** A query the filter grammar rejects; names the offending key and why (a REAR 400). */
public final class FilterException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;
  private final String key;

  public FilterException(String key, String reason) {
    super(key.isEmpty() ? reason : "'" + printable(key) + "': " + reason);
    this.key = printable(key);
  }

  /** The query key at fault (control characters replaced, cut to 80), "" for the whole query. */
  public String key() {
    return key;
  }

  static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    StringBuilder out = new StringBuilder(cut.length());
    for (char c : cut.toCharArray()) {
      out.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }
}
