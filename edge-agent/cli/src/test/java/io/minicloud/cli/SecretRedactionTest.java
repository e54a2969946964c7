package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.RearJson;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {

  @Test
  void masksSecretNamedValuesAnywhereAndLeavesTheRest() throws Exception {
    JsonNode document =
        RearJson.mapper()
            .readTree(
                "{\"peeringTargetCredentials\":{\"clusterID\":\"c\",\"kubeconfig\":\"a2N\"},"
                    + "\"configuration\":{\"data\":{\"configurationData\":"
                    + "{\"username\":\"admin\",\"password\":\"pw\",\"apiToken\":{\"v\":1}}}},"
                    + "\"list\":[{\"clientSecret\":\"s\"}],\"empty\":{\"kubeconfig\":\"\"}}");

    JsonNode redacted = SecretRedaction.redact(document);

    String mask = SecretRedaction.MASK;
    assertEquals(mask, redacted.at("/peeringTargetCredentials/kubeconfig").asText());
    assertEquals("c", redacted.at("/peeringTargetCredentials/clusterID").asText());
    assertEquals(mask, redacted.at("/configuration/data/configurationData/password").asText());
    assertEquals(mask, redacted.at("/configuration/data/configurationData/apiToken").asText());
    assertEquals("admin", redacted.at("/configuration/data/configurationData/username").asText());
    assertEquals(mask, redacted.at("/list/0/clientSecret").asText());
    assertEquals("", redacted.at("/empty/kubeconfig").asText(), "nothing to hide stays empty");
    assertEquals("a2N", document.at("/peeringTargetCredentials/kubeconfig").asText(), "a copy");
  }
}
