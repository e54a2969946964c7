package io.minicloud.vim.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One thing to run on the minicloud: a container, a KubeVirt virtual machine or a Unikraft
 * unikernel, placed on what the char-agent says about each node. The CRD ({@code
 * workloads.minicloud.io}) is generated from this class at build time.
 */
@Group(Workload.GROUP)
@Version(Workload.VERSION)
@Plural("workloads")
@ShortNames("wl")
@AdditionalPrinterColumn(name = "Kind", jsonPath = ".spec.kind")
public class Workload extends CustomResource<WorkloadSpec, WorkloadStatus> implements Namespaced {

  public static final String GROUP = "minicloud.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  @Override
  protected WorkloadStatus initStatus() {
    return new WorkloadStatus();
  }
}
