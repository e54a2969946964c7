package io.minicloud.edgeagent.query;

/**
 * A query the API refuses (HTTP 400), naming the term and the character in it where the problem
 * starts. The only exception the parser throws, whatever the input.
 */
public class QueryException extends RuntimeException {

  static final int MAX_ECHO = 128;

  private final String term;
  private final int position;

  /**
   * @param term the offending term (clipped, control characters replaced), or "" for the query
   * @param position the 0-based character offset in the term, or the term's index in the query for
   *     whole-query problems (too many terms, unknown kind)
   */
  public QueryException(String message, String term, int position) {
    super(message);
    this.term = echo(term);
    this.position = position;
  }

  public String term() {
    return term;
  }

  public int position() {
    return position;
  }

  /** The text as safe to echo back: at most {@value #MAX_ECHO} characters, no control chars. */
  static String echo(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_ECHO));
    for (int i = 0; i < text.length() && b.length() < MAX_ECHO; i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return text.length() > MAX_ECHO ? b + "..." : b.toString();
  }
}
