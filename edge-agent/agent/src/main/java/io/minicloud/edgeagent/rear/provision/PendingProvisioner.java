package io.minicloud.edgeagent.rear.provision;

import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;

/**
 * Records every purchase as pending for its target, and says so in the contract. No target has a
 * provisioning endpoint yet (minicloud-vim's lands with its own issue), so no credentials are
 * issued: a contract never carries made-up credentials.
 */
public final class PendingProvisioner implements Provisioner {

  @Override
  public ProvisioningRequest plan(Contract contract) {
    String type = contract.flavor().type().kind();
    String target =
        switch (type) {
          case FlavorType.K8SLICE, FlavorType.VM -> "minicloud-vim";
          case FlavorType.SENSOR -> "tether-bridge";
          default -> "service:" + contract.flavor().flavorId();
        };
    return new ProvisioningRequest(
        target,
        "pending: "
            + target
            + " has not provisioned this purchase yet; access details will be issued when it"
            + " has, no credentials are included until then");
  }
}
