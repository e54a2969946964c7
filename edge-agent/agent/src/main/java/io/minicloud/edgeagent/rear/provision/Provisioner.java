package io.minicloud.edgeagent.rear.provision;

import io.minicloud.rear.model.Contract;

/**
 * Hands a purchase to whatever makes it real: minicloud-vim for K8Slice and VM flavors (namespace,
 * quota, scoped credentials), the tether-bridge for sensors, the service's owner for services. It
 * is called inside the purchase and must not block: it only decides the request that the ledger
 * stores with the contract, atomically; the target picks it up from the ledger.
 */
public interface Provisioner {

  /** What to ask of whom for this contract. */
  ProvisioningRequest plan(Contract contract);

  /**
   * @param target who provisions: {@code minicloud-vim}, {@code tether-bridge}, {@code
   *     service:<name>}
   * @param detail what the buyer is told in {@code extraInformation.provisioningDetail}
   */
  record ProvisioningRequest(String target, String detail) {}
}
