package io.minicloud.rear.contract;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** P-256 public keys as JWKs (RFC 7517) and their RFC 7638 thumbprints, the contract key ids. */
public final class SigningKeys {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private SigningKeys() {}

  /** The public JWK of {@code key}, with its thumbprint as {@code kid}. */
  public static Map<String, String> jwk(ECPublicKey key) {
    Map<String, String> jwk = new LinkedHashMap<>();
    jwk.put("kty", "EC");
    jwk.put("crv", "P-256");
    jwk.put("x", coordinate(key.getW().getAffineX()));
    jwk.put("y", coordinate(key.getW().getAffineY()));
    jwk.put("use", "sig");
    jwk.put("alg", "ES256");
    jwk.put("kid", thumbprint(key));
    return jwk;
  }

  /** RFC 7638: SHA-256 over {@code {"crv","kty","x","y"}} in that order, base64url. */
  public static String thumbprint(ECPublicKey key) {
    String canonical =
        "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
            + coordinate(key.getW().getAffineX())
            + "\",\"y\":\""
            + coordinate(key.getW().getAffineY())
            + "\"}";
    try {
      return B64.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A public key from a JWK's x and y (what a buyer reads from {@code /api/v2/keys}). */
  public static PublicKey fromJwk(Map<String, String> jwk) throws GeneralSecurityException {
    if (!"EC".equals(jwk.get("kty")) || !"P-256".equals(jwk.get("crv"))) {
      throw new GeneralSecurityException("only EC P-256 keys are used for REAR contracts");
    }
    Base64.Decoder d = Base64.getUrlDecoder();
    ECPoint point =
        new ECPoint(
            new BigInteger(1, d.decode(jwk.get("x"))), new BigInteger(1, d.decode(jwk.get("y"))));
    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
    params.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
  }

  private static String coordinate(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] fixed = new byte[32];
    if (raw.length > 32) {
      raw = Arrays.copyOfRange(raw, raw.length - 32, raw.length);
    }
    System.arraycopy(raw, 0, fixed, 32 - raw.length, raw.length);
    return B64.encodeToString(fixed);
  }
}
