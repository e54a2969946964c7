package io.minicloud.edgeagent.rear.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.VmData;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VimRequestsTest {

  private static Contract vmContract(Configuration configuration) {
    VmData data =
        new VmData(
            new VmData.Characteristics("arm64", "linux", 2, 2048, null, 20),
            new VmData.Policy(new VmData.Aggregatable(1, 3)));
    Flavor flavor =
        new Flavor(
            "minicloud-test-vm-1",
            "gw-1",
            FlavorType.of(FlavorType.VM, data),
            null,
            Instant.EPOCH,
            null,
            Flavor.Price.NONE,
            null,
            true);
    return new Contract(
        "contract-vm-1",
        "t",
        flavor,
        new NodeIdentity("b1", "10.0.0.9:8443", "buyer.test", null),
        "b1",
        null,
        null,
        Instant.parse("2027-11-23T10:00:00Z"),
        Map.of(),
        configuration,
        null,
        null);
  }

  @Test
  void aVmUnitBecomesOneVmOfItsSizeBootingTheConfiguredImage() {
    ObjectNode r = VimRequests.of(vmContract(null), "quay.io/containerdisks/debian:12");

    assertEquals("VM", r.path("flavorType").asText());
    assertEquals("2", r.path("resources").path("cpu").asText());
    assertEquals("2048Mi", r.path("resources").path("memory").asText());
    assertEquals("20G", r.path("resources").path("storage").asText());
    assertEquals("quay.io/containerdisks/debian:12", r.path("vm").path("image").asText());
    assertEquals("b1", r.path("buyerId").asText());
    assertEquals("2027-11-23T10:00:00Z", r.path("expiresAt").asText());
  }

  @Test
  void moreThanOneVmUnitIsRefusedSayingWhy() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> VimRequests.of(vmContract(Configuration.of("vm", Map.of("count", 2))), "img"));

    assertTrue(e.getMessage().contains("more than one unit"), e.getMessage());
  }
}
