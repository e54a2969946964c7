package io.minicloud.edgeagent.rear.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook secrets and the {@code X-Minicloud-Signature: sha256=<hex>} header: HMAC-SHA256 of the
 * exact body bytes under the subscription's secret, so a receiver can tell our POSTs from
 * forgeries.
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Minicloud-Signature";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: 32 random bytes, URL-safe base64 with a recognisable prefix. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** The header value for {@code body}: {@code sha256=<lower-case hex>}. */
  public static String sign(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
