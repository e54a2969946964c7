package io.minicloud.vim.kubevirt;

import static io.minicloud.vim.kubevirt.KubeVirtFixtures.vm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.vim.kubevirt.model.K8sIoApimachineryPkgApisMetaV1ObjectMeta;
import io.minicloud.vim.kubevirt.model.V1Bootloader;
import io.minicloud.vim.kubevirt.model.V1CPU;
import io.minicloud.vim.kubevirt.model.V1CloudInitNoCloudSource;
import io.minicloud.vim.kubevirt.model.V1ContainerDiskSource;
import io.minicloud.vim.kubevirt.model.V1Devices;
import io.minicloud.vim.kubevirt.model.V1Disk;
import io.minicloud.vim.kubevirt.model.V1DiskTarget;
import io.minicloud.vim.kubevirt.model.V1DomainSpec;
import io.minicloud.vim.kubevirt.model.V1EFI;
import io.minicloud.vim.kubevirt.model.V1Firmware;
import io.minicloud.vim.kubevirt.model.V1Interface;
import io.minicloud.vim.kubevirt.model.V1KernelBoot;
import io.minicloud.vim.kubevirt.model.V1KernelBootContainer;
import io.minicloud.vim.kubevirt.model.V1Network;
import io.minicloud.vim.kubevirt.model.V1PodNetwork;
import io.minicloud.vim.kubevirt.model.V1ResourceRequirements;
import io.minicloud.vim.kubevirt.model.V1VirtualMachine;
import io.minicloud.vim.kubevirt.model.V1VirtualMachineInstancePhaseTransitionTimestamp;
import io.minicloud.vim.kubevirt.model.V1VirtualMachineInstanceSpec;
import io.minicloud.vim.kubevirt.model.V1VirtualMachineInstanceTemplateSpec;
import io.minicloud.vim.kubevirt.model.V1VirtualMachineSpec;
import io.minicloud.vim.kubevirt.model.V1Volume;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models generated from KubeVirt's spec write what the spec accepts, and read it back. */
class KubeVirtModelsTest {
  private static final KubeVirtSchema SCHEMA = KubeVirtSchema.load();

  /** The VirtualMachine of vm.minimal.json, built with the generated classes. */
  private static V1VirtualMachine minimalVm() {
    var domain =
        new V1DomainSpec()
            .cpu(new V1CPU().cores(1L))
            .resources(
                new V1ResourceRequirements()
                    .putRequestsItem("memory", "512Mi")
                    .putRequestsItem("cpu", "500m")
                    .putLimitsItem("memory", "512Mi")
                    .putLimitsItem("cpu", 1))
            .devices(
                new V1Devices()
                    .addDisksItem(
                        new V1Disk().name("rootdisk").disk(new V1DiskTarget().bus("virtio")))
                    .addDisksItem(
                        new V1Disk().name("cloudinit").disk(new V1DiskTarget().bus("virtio")))
                    .addInterfacesItem(
                        new V1Interface().name("default").masquerade(new LinkedHashMap<>())));
    var vmi =
        new V1VirtualMachineInstanceSpec()
            .domain(domain)
            .addNetworksItem(new V1Network().name("default").pod(new V1PodNetwork()))
            .terminationGracePeriodSeconds(30L)
            .addVolumesItem(
                new V1Volume()
                    .name("rootdisk")
                    .containerDisk(
                        new V1ContainerDiskSource().image("quay.io/containerdisks/debian:12")))
            .addVolumesItem(
                new V1Volume()
                    .name("cloudinit")
                    .cloudInitNoCloud(
                        new V1CloudInitNoCloudSource()
                            .userData("#cloud-config\nhostname: edge-vm\n")));
    return new V1VirtualMachine()
        .apiVersion(KubeVirtSchema.API_VERSION)
        .kind(KubeVirtSchema.VIRTUAL_MACHINE_KIND)
        .metadata(
            new K8sIoApimachineryPkgApisMetaV1ObjectMeta()
                .name("edge-vm")
                .namespace("minicloud")
                .putLabelsItem("app.kubernetes.io/managed-by", "minicloud-vim"))
        .spec(
            new V1VirtualMachineSpec()
                .runStrategy("Always")
                .template(
                    new V1VirtualMachineInstanceTemplateSpec()
                        .metadata(
                            new K8sIoApimachineryPkgApisMetaV1ObjectMeta()
                                .putLabelsItem("kubevirt.io/domain", "edge-vm"))
                        .spec(vmi)));
  }

  @Test
  void writesOnlyWhatIsSetAndTheSpecAcceptsIt() throws Exception {
    JsonNode json = KubeVirtJson.toTree(minimalVm());

    // through text, as the apiserver sees it: a long 1 and an int 1 are the same JSON
    assertEquals(vm("minimal"), KubeVirtFixtures.JSON.readTree(json.toString()));
    assertEquals(List.of(), SCHEMA.validateVirtualMachine(json));
  }

  @Test
  void readsBackWhatItWrote() {
    V1VirtualMachine vm = minimalVm();

    V1VirtualMachine back = KubeVirtJson.fromTree(KubeVirtJson.toTree(vm), V1VirtualMachine.class);

    assertEquals(vm, back);
  }

  @Test
  void roundTripsKernelBootAndUefiFirmware() {
    V1VirtualMachine vm = minimalVm();
    V1DomainSpec domain = vm.getSpec().getTemplate().getSpec().getDomain();
    domain.firmware(
        new V1Firmware()
            .bootloader(new V1Bootloader().efi(new V1EFI().secureBoot(false)))
            .kernelBoot(
                new V1KernelBoot()
                    .kernelArgs("console=ttyAMA0")
                    .container(
                        new V1KernelBootContainer()
                            .image("registry.minicloud.local/unikraft/nginx:0.17")
                            .imagePullPolicy(
                                V1KernelBootContainer.ImagePullPolicyEnum.IF_NOT_PRESENT)
                            .kernelPath("/unikernel/kernel")
                            .initrdPath("/unikernel/initrd.cpio"))));

    JsonNode json = KubeVirtJson.toTree(vm);

    assertEquals(List.of(), SCHEMA.validateVirtualMachine(json));
    assertEquals(
        "IfNotPresent",
        json.at("/spec/template/spec/domain/firmware/kernelBoot/container/imagePullPolicy")
            .asText());
    assertEquals(vm, KubeVirtJson.fromTree(json, V1VirtualMachine.class));
  }

  @Test
  void writesTimesAsRfc3339() {
    var transition =
        new V1VirtualMachineInstancePhaseTransitionTimestamp()
            .phase("Running")
            .phaseTransitionTimestamp(OffsetDateTime.of(2026, 11, 23, 12, 0, 5, 0, ZoneOffset.UTC));

    JsonNode json = KubeVirtJson.toTree(transition);

    assertEquals("2026-11-23T12:00:05Z", json.get("phaseTransitionTimestamp").asText());
    assertEquals(
        List.of(), SCHEMA.validate("v1.VirtualMachineInstancePhaseTransitionTimestamp", json));
    assertEquals(
        transition,
        KubeVirtJson.fromTree(json, V1VirtualMachineInstancePhaseTransitionTimestamp.class));
  }

  @Test
  void aRequiredFieldLeftUnsetIsCaught() {
    // the generator writes required fields even when null, so the omission cannot go unnoticed
    V1VirtualMachine vm = minimalVm();
    vm.getSpec().getTemplate().getSpec().getDomain().getDevices().addDisksItem(new V1Disk());

    var e =
        assertThrows(
            InvalidKubeVirtObjectException.class,
            () -> SCHEMA.requireValidVirtualMachine(KubeVirtJson.toTree(vm)));

    assertEquals(
        List.of(
            new SchemaViolation(
                "spec.template.spec.domain.devices.disks[2].name", "missing required field")),
        e.violations());
  }

  @Test
  void readingSomethingElseNamesThePathNotTheValue() {
    JsonNode json = KubeVirtJson.toTree(minimalVm());
    ((com.fasterxml.jackson.databind.node.ObjectNode) json.at("/spec/template/spec/domain/cpu"))
        .put("cores", "secret-ish");

    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> KubeVirtJson.fromTree(json, V1VirtualMachine.class));

    assertTrue(e.getMessage().startsWith("not a V1VirtualMachine: cannot read "), e.getMessage());
    assertTrue(e.getMessage().contains("cores"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-ish"), e.getMessage());
  }
}
