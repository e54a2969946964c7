package io.minicloud.edgeagent.rear.contract;

import io.minicloud.edgeagent.rear.PrivateFiles;
import io.minicloud.rear.contract.ContractSignatures;
import io.minicloud.rear.contract.SigningKeys;
import io.minicloud.rear.model.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The node's contract-signing key: a P-256 key in a PKCS#8 PEM file (mode 0600), made on first
 * start and kept, so buyers can verify old contracts with the key id they carry.
 */
public final class ContractSigner {

  private final PrivateKey privateKey;
  private final ECPublicKey publicKey;
  private final String keyId;

  private ContractSigner(PrivateKey privateKey, ECPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.keyId = SigningKeys.thumbprint(publicKey);
  }

  /** Loads the key at {@code file}, or makes one there when it does not exist. */
  public static ContractSigner loadOrCreate(Path file)
      throws IOException, GeneralSecurityException {
    if (!Files.exists(file)) {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      PrivateFiles.writeKey(file, pair.getPrivate());
    }
    String pem = Files.readString(file);
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    KeyFactory ec = KeyFactory.getInstance("EC");
    ECPrivateKey key =
        (ECPrivateKey)
            ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    // the public point is d·G; PKCS#8 EC keys need not carry it
    java.security.spec.ECPoint w = point(key);
    ECPublicKey pub = (ECPublicKey) ec.generatePublic(new ECPublicKeySpec(w, key.getParams()));
    return new ContractSigner(key, pub);
  }

  private static java.security.spec.ECPoint point(ECPrivateKey key) {
    org.bouncycastle.math.ec.ECPoint q =
        org.bouncycastle.jce.ECNamedCurveTable.getParameterSpec("secp256r1")
            .getG()
            .multiply(key.getS())
            .normalize();
    return new java.security.spec.ECPoint(
        q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
  }

  public Contract sign(Contract unsigned) throws GeneralSecurityException, IOException {
    return ContractSignatures.sign(unsigned, privateKey, keyId);
  }

  public String keyId() {
    return keyId;
  }

  public ECPublicKey publicKey() {
    return publicKey;
  }

  /** The JWKS document served at {@code /api/v2/keys}. */
  public Map<String, Object> jwks() {
    return Map.of("keys", java.util.List.of(SigningKeys.jwk(publicKey)));
  }
}
