package io.minicloud.rear.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Contracts signed as the REAR spec asks (a JWT signed by the provider's key), carried where a Go
 * node keeps them: {@code extraInformation.signature} holds a compact JWS (ES256) whose payload is
 * the contract itself without that entry and without the delivery fields ({@link
 * #DELIVERY_ENTRIES}, {@link #CREDENTIALS}), {@code extraInformation.signatureKeyID} the key's RFC
 * 7638 thumbprint, published at {@code GET /api/v2/keys}. A buyer verifies the signature and that
 * the payload is the contract it received.
 */
public final class ContractSignatures {

  public static final String SIGNATURE = "signature";
  public static final String KEY_ID = "signatureKeyID";

  private static final ObjectMapper JSON = RearJson.mapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  /**
   * What is delivered after the sale and so not signed: the credentials (issued when the purchase
   * has been provisioned, fresh on every read) and the provisioning state and detail in {@code
   * extraInformation}. Everything else the provider agreed to, including {@code
   * provisioningTarget}, is signed.
   */
  public static final Set<String> DELIVERY_ENTRIES = Set.of("provisioning", "provisioningDetail");

  public static final String CREDENTIALS = "peeringTargetCredentials";

  private ContractSignatures() {}

  /** The contract as JSON without its signature and its delivery fields. */
  private static ObjectNode signedPart(Contract contract) {
    ObjectNode tree = JSON.valueToTree(contract);
    tree.remove(CREDENTIALS);
    if (tree.path("extraInformation") instanceof ObjectNode extra) {
      extra.remove(SIGNATURE);
      extra.remove(DELIVERY_ENTRIES);
    }
    return tree;
  }

  /** The contract with its signature added to extraInformation. */
  public static Contract sign(Contract unsigned, PrivateKey key, String keyId)
      throws GeneralSecurityException, IOException {
    Map<String, String> extra = new LinkedHashMap<>();
    if (unsigned.extraInformation() != null) {
      extra.putAll(unsigned.extraInformation());
    }
    extra.remove(SIGNATURE);
    extra.put(KEY_ID, keyId);
    Contract toSign = unsigned.withExtraInformation(extra);
    String header =
        B64.encodeToString(
            JSON.writeValueAsBytes(
                Map.of("alg", "ES256", "kid", keyId, "typ", "rear-contract+jwt")));
    String payload = B64.encodeToString(JSON.writeValueAsBytes(signedPart(toSign)));
    Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
    signer.initSign(key);
    signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    String jws = header + "." + payload + "." + B64.encodeToString(signer.sign());
    extra.put(SIGNATURE, jws);
    return unsigned.withExtraInformation(extra);
  }

  /**
   * Checks a received contract: its JWS verifies with {@code key}, and the signed payload equals
   * the contract as received (without the signature entry).
   *
   * @throws GeneralSecurityException naming what does not hold
   */
  public static void verify(Contract received, PublicKey key)
      throws GeneralSecurityException, IOException {
    String jws =
        received.extraInformation() == null ? null : received.extraInformation().get(SIGNATURE);
    if (jws == null) {
      throw new GeneralSecurityException("the contract is not signed");
    }
    String[] parts = jws.split("\\.", -1);
    if (parts.length != 3) {
      throw new GeneralSecurityException("the contract signature is not a compact JWS");
    }
    JsonNode header = JSON.readTree(B64D.decode(parts[0]));
    if (!"ES256".equals(header.path("alg").asText())) {
      throw new GeneralSecurityException("unsupported signature algorithm " + header.path("alg"));
    }
    Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
    verifier.initVerify(key);
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!verifier.verify(B64D.decode(parts[2]))) {
      throw new GeneralSecurityException("the contract signature does not verify with this key");
    }
    JsonNode signed = JSON.readTree(B64D.decode(parts[1]));
    ObjectNode asReceived = signedPart(received);
    if (!signed.equals(asReceived)) {
      throw new GeneralSecurityException("the contract differs from what its provider signed");
    }
  }
}
