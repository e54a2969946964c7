package io.minicloud.edgeagent.rear.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The small webhook pieces: log-safe URLs, the signature, the backoff's bounds. */
class WebhookPartsTest {

  @Test
  void logsNeverShowAQueryOrCredentials() {
    assertEquals(
        "https://hooks.example.org:8443/in/rear",
        WebhookUrls.forLog("https://hooks.example.org:8443/in/rear?token=s3cr3t#frag"));
    assertEquals("http://10.0.0.5/h", WebhookUrls.forLog("http://10.0.0.5/h?a=b"));
  }

  @Test
  void theSignatureIsHmacSha256OfTheBodyInHex() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals(
        "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        WebhookSignature.sign(
            "Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void backoffDoublesWithJitterUpToItsCap() {
    Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
    Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.999999);

    assertEquals(Duration.ofMillis(500), low.after(1));
    assertEquals(Duration.ofMillis(4000), low.after(4), "half of 8 s at the low end");
    assertTrue(high.after(4).toMillis() > 7990 && high.after(4).toMillis() <= 8000);
    assertEquals(Duration.ofMinutes(5).toMillis() / 2, low.after(40).toMillis(), "capped");
    assertTrue(high.after(40).compareTo(Duration.ofMinutes(5)) <= 0);
  }
}
