package io.minicloud.vim.crd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The desired state of a {@link Workload}; what is not given has a documented default. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class WorkloadSpec {

  /** A Kubernetes quantity, as the API server's own pattern for resource quantities. */
  static final String QUANTITY = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$";

  @Required
  @JsonPropertyDescription("Container | VirtualMachine | Unikernel")
  private WorkloadKind kind;

  @JsonPropertyDescription(
      "Container: the image. VirtualMachine: a containerDisk image (or use disk.pvc)."
          + " Unikernel: the container image holding the kernel and initrd.")
  @Size(max = 512)
  private String image;

  @JsonPropertyDescription("VirtualMachine: boot from this PersistentVolumeClaim instead of image")
  private DiskSource disk;

  @JsonPropertyDescription("Unikernel: where the kernel and initrd are in the image, kernel args")
  private KernelBoot kernel;

  @JsonPropertyDescription("CPU request = limit, a Kubernetes quantity (default 500m; VMs: 1)")
  @Pattern(QUANTITY)
  private String cpu;

  @JsonPropertyDescription(
      "Memory request = limit, a Kubernetes quantity (default 128Mi; VMs 256Mi)")
  @Pattern(QUANTITY)
  private String memory;

  @JsonPropertyDescription("Container: number of replicas (default 1)")
  @Min(0)
  @Max(100)
  private Integer replicas;

  @Size(max = 32)
  private List<WorkloadPort> ports = new ArrayList<>();

  @JsonPropertyDescription("How the ports are reachable: None | ClusterIP (default) | NodePort")
  private Exposure expose;

  @Size(max = 128)
  private List<EnvVar> env = new ArrayList<>();

  @JsonPropertyDescription("Container: arguments to the image's entrypoint")
  @Size(max = 64)
  private List<String> args = new ArrayList<>();

  @JsonPropertyDescription("VirtualMachine: cloud-init NoCloud user and network data")
  private CloudInit cloudInit;

  @JsonPropertyDescription(
      "VirtualMachine/Unikernel: Always (default) | Halted | Manual | RerunOnFailure")
  private RunStrategy runStrategy;

  @JsonPropertyDescription(
      "VirtualMachine/Unikernel: may run on a node without KVM, in software emulation (slow)")
  private Boolean allowEmulation;

  @JsonPropertyDescription("Hard constraints and soft preferences on the nodes' labels")
  private Placement placement;

  public WorkloadKind getKind() {
    return kind;
  }

  public void setKind(WorkloadKind kind) {
    this.kind = kind;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public DiskSource getDisk() {
    return disk;
  }

  public void setDisk(DiskSource disk) {
    this.disk = disk;
  }

  public KernelBoot getKernel() {
    return kernel;
  }

  public void setKernel(KernelBoot kernel) {
    this.kernel = kernel;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public List<WorkloadPort> getPorts() {
    return ports;
  }

  public void setPorts(List<WorkloadPort> ports) {
    this.ports = ports == null ? new ArrayList<>() : ports;
  }

  public Exposure getExpose() {
    return expose;
  }

  public void setExpose(Exposure expose) {
    this.expose = expose;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env == null ? new ArrayList<>() : env;
  }

  public List<String> getArgs() {
    return args;
  }

  public void setArgs(List<String> args) {
    this.args = args == null ? new ArrayList<>() : args;
  }

  public CloudInit getCloudInit() {
    return cloudInit;
  }

  public void setCloudInit(CloudInit cloudInit) {
    this.cloudInit = cloudInit;
  }

  public RunStrategy getRunStrategy() {
    return runStrategy;
  }

  public void setRunStrategy(RunStrategy runStrategy) {
    this.runStrategy = runStrategy;
  }

  public Boolean getAllowEmulation() {
    return allowEmulation;
  }

  public void setAllowEmulation(Boolean allowEmulation) {
    this.allowEmulation = allowEmulation;
  }

  public Placement getPlacement() {
    return placement;
  }

  public void setPlacement(Placement placement) {
    this.placement = placement;
  }
}
