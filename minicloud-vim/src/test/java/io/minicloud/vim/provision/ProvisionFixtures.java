package io.minicloud.vim.provision;

import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;

/** Requests the provisioning tests share. */
final class ProvisionFixtures {

  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Instant EXPIRES = Instant.parse("2027-11-23T12:00:00Z");
  static final String CONTRACT = "contract-minicloud-local-k8slice-0a1b2c3d-9f8e7d6c";

  private ProvisionFixtures() {}

  static ProvisionRequest k8slice() {
    return k8slice(CONTRACT, "2", "4Gi", "110", "10Gi", "0");
  }

  static ProvisionRequest k8slice(
      String contract, String cpu, String memory, String pods, String storage, String gpu) {
    return new ProvisionRequest(
        contract,
        "buyer-node.example",
        FlavorKind.K8Slice,
        new SliceResources(q(cpu), q(memory), q(pods), q(storage), q(gpu)),
        EXPIRES,
        null);
  }

  static ProvisionRequest vm() {
    return new ProvisionRequest(
        "contract-minicloud-local-vm-11223344-55667788",
        "buyer-node.example",
        FlavorKind.VM,
        new SliceResources(q("1"), q("1Gi"), q("0"), q("10G"), null),
        EXPIRES,
        new VmSpec(
            "quay.io/containerdisks/debian:12", "#cloud-config\nssh_authorized_keys: [k]\n"));
  }

  private static Quantity q(String s) {
    return s == null ? null : new Quantity(s);
  }
}
