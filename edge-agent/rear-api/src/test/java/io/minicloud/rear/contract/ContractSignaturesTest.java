package io.minicloud.rear.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.RearFixtures;
import io.minicloud.rear.model.RearJson;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractSignaturesTest {

  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static Contract fixture() throws Exception {
    return RearJson.mapper()
        .readValue(RearFixtures.read("purchase-response-contract.json"), Contract.class);
  }

  @Test
  void aSignedContractVerifiesAfterTheWireRoundTrip() throws Exception {
    KeyPair keys = p256();
    String kid = SigningKeys.thumbprint((ECPublicKey) keys.getPublic());
    Contract signed = ContractSignatures.sign(fixture(), keys.getPrivate(), kid);
    assertEquals(kid, signed.extraInformation().get(ContractSignatures.KEY_ID));
    String wire = RearJson.mapper().writeValueAsString(signed);
    Contract received = RearJson.mapper().readValue(wire, Contract.class);
    Map<String, String> jwk = SigningKeys.jwk((ECPublicKey) keys.getPublic());
    ContractSignatures.verify(received, SigningKeys.fromJwk(jwk));
  }

  @Test
  void aChangedFieldOrAnotherKeyIsCaught() throws Exception {
    KeyPair keys = p256();
    Contract signed = ContractSignatures.sign(fixture(), keys.getPrivate(), "k");
    Contract tampered =
        RearJson.mapper()
            .readValue(
                RearJson.mapper().writeValueAsString(signed).replace("\"1Gi\"", "\"2Gi\""),
                Contract.class);
    GeneralSecurityException changed =
        assertThrows(
            GeneralSecurityException.class,
            () -> ContractSignatures.verify(tampered, keys.getPublic()));
    assertTrue(changed.getMessage().contains("differs"), changed.getMessage());
    assertThrows(
        GeneralSecurityException.class,
        () -> ContractSignatures.verify(signed, p256().getPublic()));
    Map<String, String> extra = new HashMap<>(signed.extraInformation());
    extra.remove(ContractSignatures.SIGNATURE);
    assertThrows(
        GeneralSecurityException.class,
        () -> ContractSignatures.verify(signed.withExtraInformation(extra), keys.getPublic()));
  }

  @Test
  void credentialsAndProvisioningStateDeliveredLaterDoNotBreakTheSignatureButTheTargetIsSigned()
      throws Exception {
    KeyPair keys = p256();
    Map<String, String> atSale = new HashMap<>();
    atSale.put("provisioning", "pending");
    atSale.put("provisioningDetail", "pending: minicloud-vim provisions this purchase");
    atSale.put("provisioningTarget", "minicloud-vim");
    Contract sold = fixture().withExtraInformation(atSale);
    Contract signed = ContractSignatures.sign(withCredentials(sold, null), keys.getPrivate(), "k");
    Map<String, String> later = new HashMap<>(signed.extraInformation());
    later.put("provisioning", "provisioned");
    later.put("provisioningDetail", "provisioned in namespace rear-x");
    Contract delivered =
        withCredentials(
            signed.withExtraInformation(later), new Contract.PeeringCredentials("c", "a3ViZQ=="));

    ContractSignatures.verify(delivered, keys.getPublic());

    Map<String, String> retargeted = new HashMap<>(later);
    retargeted.put("provisioningTarget", "elsewhere");
    assertThrows(
        GeneralSecurityException.class,
        () ->
            ContractSignatures.verify(
                delivered.withExtraInformation(retargeted), keys.getPublic()));
  }

  private static Contract withCredentials(Contract c, Contract.PeeringCredentials credentials) {
    return new Contract(
        c.contractId(),
        c.transactionId(),
        c.flavor(),
        c.buyer(),
        c.buyerClusterId(),
        c.seller(),
        credentials,
        c.expirationTime(),
        c.extraInformation(),
        c.configuration(),
        c.networkAuthorizations(),
        c.ingressTelemetryEndpoint());
  }

  @Test
  void theThumbprintIsStableAndTheJwkIsPublicOnly() throws Exception {
    ECPublicKey key = (ECPublicKey) p256().getPublic();
    Map<String, String> jwk = SigningKeys.jwk(key);
    assertEquals(SigningKeys.thumbprint(key), jwk.get("kid"));
    assertEquals(43, jwk.get("x").length());
    assertTrue(!jwk.containsKey("d"));
    assertEquals(key, SigningKeys.fromJwk(jwk));
  }
}
