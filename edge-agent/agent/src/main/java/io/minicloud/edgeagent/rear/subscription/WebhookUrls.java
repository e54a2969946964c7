package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.edgeagent.rear.RearError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks webhook targets and names them safely in logs. A target is an absolute http(s) URL with a
 * host and no user info: credentials belong in the signature, not in a URL that ends up in logs and
 * proxies. Logs show {@code scheme://host:port/path} only, since query strings often carry tokens.
 */
public final class WebhookUrls {

  static final int MAX_LENGTH = 2048;

  private WebhookUrls() {}

  public static URI validate(String url) throws RearError {
    if (url.length() > MAX_LENGTH) {
      throw RearError.badRequest(
          "webhook", "webhook URL longer than " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw RearError.badRequest("webhook", "webhook is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw RearError.badRequest("webhook", "webhook URL must be http or https");
    }
    if (uri.getRawUserInfo() != null) {
      throw RearError.badRequest(
          "webhook", "webhook URL must not carry credentials; verify the signature instead");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw RearError.badRequest("webhook", "webhook URL has no host");
    }
    if (uri.getRawFragment() != null) {
      throw RearError.badRequest("webhook", "webhook URL must not have a fragment");
    }
    return uri;
  }

  /** {@code scheme://host:port/path}: never the query, never user info. */
  public static String forLog(String url) {
    try {
      URI u = new URI(url);
      String port = u.getPort() < 0 ? "" : ":" + u.getPort();
      String path = u.getRawPath() == null ? "" : u.getRawPath();
      return u.getScheme() + "://" + u.getHost() + port + path;
    } catch (URISyntaxException e) {
      return "<unparsable URL>";
    }
  }
}
