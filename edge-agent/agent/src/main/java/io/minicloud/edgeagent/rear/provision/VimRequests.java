package io.minicloud.edgeagent.rear.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.K8SliceData;
import io.minicloud.rear.model.VmData;
import io.minicloud.rear.quantity.Quantity;

/**
 * What minicloud-vim is asked for a contract: the carved part of a K8Slice (the configuration the
 * buyer reserved) or the whole slice, or one VM unit; the buyer, the expiry. Pure: the worker sends
 * it, tests read it.
 */
public final class VimRequests {

  private VimRequests() {}

  /**
   * @throws IllegalArgumentException when the contract cannot be provisioned by the VIM, saying why
   *     (the buyer reads it in {@code provisioningDetail})
   */
  public static ObjectNode of(Contract contract, String vmImage) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("contractId", contract.contractId());
    out.put("buyerId", contract.buyer().id());
    out.put("expiresAt", contract.expirationTime().toString());
    ObjectNode resources = out.putObject("resources");
    try {
      switch (contract.flavor().type().kind()) {
        case FlavorType.K8SLICE -> {
          out.put("flavorType", "K8Slice");
          k8slice(contract, resources);
        }
        case FlavorType.VM -> {
          out.put("flavorType", "VM");
          vm(contract, resources);
          out.putObject("vm").put("image", vmImage);
        }
        default ->
            throw new IllegalArgumentException(
                "minicloud-vim provisions K8Slice and VM contracts, not "
                    + contract.flavor().type().kind());
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the contract's flavor data does not decode: " + e.getOriginalMessage());
    }
    return out;
  }

  private static void k8slice(Contract contract, ObjectNode resources)
      throws JsonProcessingException {
    K8SliceData.Characteristics whole = contract.flavor().type().k8slice().characteristics();
    Configuration configuration = contract.configuration();
    if (configuration != null && FlavorType.K8SLICE.equalsIgnoreCase(configuration.type())) {
      Configuration.K8Slice part = configuration.k8slice();
      put(resources, "cpu", part.cpu());
      put(resources, "memory", part.memory());
      put(resources, "pods", part.pods());
      put(resources, "storage", part.storage());
      put(resources, "gpu", part.gpu() == null ? null : part.gpu().cores());
      return;
    }
    put(resources, "cpu", whole.cpu());
    put(resources, "memory", whole.memory());
    put(resources, "pods", whole.pods());
    put(resources, "storage", whole.storage());
    // the node writes gpu.cores as the number of GPUs of a slice ("0" when it has none)
    put(resources, "gpu", whole.gpu() == null ? null : whole.gpu().cores());
  }

  private static void vm(Contract contract, ObjectNode resources) throws JsonProcessingException {
    Configuration configuration = contract.configuration();
    if (configuration != null
        && configuration.data() != null
        && configuration.data().path("count").asLong(1) > 1) {
      throw new IllegalArgumentException(
          "a VM contract of more than one unit is not provisioned by minicloud-vim yet (one VM per contract)");
    }
    VmData.Characteristics unit = contract.flavor().type().vm().characteristics();
    resources.put("cpu", Long.toString(unit.cpu()));
    resources.put("memory", unit.memoryMiB() + "Mi");
    resources.put("storage", unit.storageGB() + "G");
    if (unit.gpu() != null && unit.gpu().cores() > 0) {
      resources.put("gpu", Long.toString(unit.gpu().cores()));
    }
  }

  private static void put(ObjectNode resources, String field, Quantity q) {
    if (q != null) {
      resources.put(field, q.toString());
    }
  }
}
