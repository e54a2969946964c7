package io.minicloud.edgeagent.rear.provision;

import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;

/**
 * Records every purchase as pending for its target, and says so in the contract. For {@code
 * minicloud-vim} the {@link ProvisioningWorker} takes it from there; the other targets have no
 * provisioning endpoint yet. Either way the contract never carries made-up credentials: they appear
 * when the buyer reads its contract again after the target has provisioned it.
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
    String detail =
        "minicloud-vim".equals(target)
            ? "pending: minicloud-vim provisions this purchase; read the contract again (GET"
                + " /api/v2/contracts/"
                + contract.contractId()
                + ", or retry the purchase) for its credentials once provisioned"
            : "pending: "
                + target
                + " has not provisioned this purchase yet; access details will be issued when it"
                + " has, no credentials are included until then";
    return new ProvisioningRequest(target, detail);
  }
}
