package io.minicloud.edgeagent.rear.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Flavor, transaction and contract ids. A Go consumer names Kubernetes objects after them, so they
 * must be DNS-1123 subdomains (lower case, {@code [a-z0-9.-]}, at most 253 characters). Flavor ids
 * follow the node's {@code <domain>-<type>-<hex>} and are stable for the same resource.
 */
public final class FlavorIds {

  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private FlavorIds() {}

  public static String flavorId(String domain, String type, String... resourceKey) {
    return domain + "-" + type + "-" + hex(String.join("/", resourceKey), 8);
  }

  /** True for a DNS-1123 subdomain: what every id we accept or hand out must be. */
  public static boolean isDnsSubdomain(String id) {
    return id != null && !id.isEmpty() && id.length() <= 253 && SUBDOMAIN.matcher(id).matches();
  }

  /** The first {@code chars} hex digits of SHA-256({@code text}). */
  public static String hex(String text, int chars) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, chars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
