package io.minicloud.mapper.coap.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, bounded parser for CoRE link format (RFC 6690 §2), the body of {@code
 * /.well-known/core}:
 *
 * <pre>
 * link-value-list = [ link-value *( "," link-value ) ]
 * link-value      = "<" URI-Reference ">" *( ";" link-param )
 * link-param      = parmname [ "=" ( ptoken / quoted-string ) ]
 * </pre>
 *
 * Whitespace around separators is tolerated (some servers wrap lines). The input comes from the
 * network, so everything is bounded: the document ({@value #MAX_CHARS} characters), the links
 * ({@value #MAX_LINKS}), parameters per link ({@value #MAX_PARAMS}), a target or value ({@value
 * #MAX_VALUE} characters); control characters are refused anywhere. Parsing is one pass over the
 * text with no recursion and no backtracking, so its cost is linear in the input.
 */
public final class LinkFormatParser {
  public static final int MAX_CHARS = 64 * 1024;
  public static final int MAX_LINKS = 512;
  public static final int MAX_PARAMS = 32;
  public static final int MAX_VALUE = 1024;

  private final String text;
  private int at;

  private LinkFormatParser(String text) {
    this.text = text;
  }

  /**
   * @throws IllegalArgumentException saying where and why the text is not link format
   */
  public static List<WebLink> parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          "a " + text.length() + "-character document is over the limit of " + MAX_CHARS);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
        throw new IllegalArgumentException("control character at position " + i);
      }
    }
    return new LinkFormatParser(text).links();
  }

  private List<WebLink> links() {
    List<WebLink> links = new ArrayList<>();
    skipSpace();
    if (at == text.length()) {
      return links;
    }
    while (true) {
      if (links.size() == MAX_LINKS) {
        throw error("more than " + MAX_LINKS + " links");
      }
      links.add(link());
      skipSpace();
      if (at == text.length()) {
        return links;
      }
      expect(',');
      skipSpace();
    }
  }

  private WebLink link() {
    expect('<');
    int end = text.indexOf('>', at);
    if (end < 0) {
      throw error("unterminated '<': no '>'");
    }
    String target = text.substring(at, end);
    if (target.length() > MAX_VALUE || target.chars().anyMatch(c -> c == '<' || c <= ' ')) {
      throw error("the target is not a URI reference");
    }
    at = end + 1;
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    int params = 0;
    skipSpace();
    while (at < text.length() && text.charAt(at) == ';') {
      at++;
      if (++params > MAX_PARAMS) {
        throw error("more than " + MAX_PARAMS + " parameters in one link");
      }
      skipSpace();
      String name = name();
      String value = "";
      skipSpace();
      if (at < text.length() && text.charAt(at) == '=') {
        at++;
        skipSpace();
        value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
      }
      attributes.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      skipSpace();
    }
    return new WebLink(target, attributes);
  }

  /** parmname = 1*( ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / ... ). */
  private String name() {
    int start = at;
    while (at < text.length() && isNameChar(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw error("expected a parameter name");
    }
    if (at - start > MAX_VALUE) {
      throw error("parameter name too long");
    }
    return text.substring(start, at);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$&+-.^_`|~*".indexOf(c) >= 0;
  }

  /** ptoken: anything up to the next separator. */
  private String token() {
    int start = at;
    while (at < text.length() && ",;\" \t\r\n".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (at - start > MAX_VALUE) {
      throw error("value too long");
    }
    return text.substring(start, at);
  }

  private String quoted() {
    at++; // the opening quote
    StringBuilder value = new StringBuilder();
    while (true) {
      if (at >= text.length()) {
        throw error("unterminated quoted string");
      }
      char c = text.charAt(at++);
      if (c == '"') {
        return value.toString();
      }
      if (c == '\\') {
        if (at >= text.length()) {
          throw error("unterminated escape");
        }
        c = text.charAt(at++);
      }
      if (value.length() == MAX_VALUE) {
        throw error("value too long");
      }
      value.append(c);
    }
  }

  private void expect(char c) {
    if (at >= text.length() || text.charAt(at) != c) {
      throw error(
          "expected '"
              + c
              + "'"
              + (at >= text.length() ? " at the end" : ", found '" + text.charAt(at) + "'"));
    }
    at++;
  }

  private void skipSpace() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private IllegalArgumentException error(String why) {
    return new IllegalArgumentException("not link format at position " + at + ": " + why);
  }
}
