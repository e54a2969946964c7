package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.edgeagent.FakeAgent;
import io.minicloud.edgeagent.inventory.NodeRecord;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.rear.quantity.Quantity;
import org.junit.jupiter.api.Test;

/** Fixtures are char-agent's own golden outputs (char-agent/src/test/resources/golden). */
class CharacterizationMapperTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRaspberryPiBecomesAnArm64NodeWithItsMemoryMinusTheReserve() throws Exception {
    // GIVEN the characterization of a Raspberry Pi 4 (4 cores, 3977555968 bytes)
    var c = JSON.readTree(FakeAgent.resource("/fixtures/char-agent.rpi4b.json"));

    // WHEN it is mapped with a 512Mi reserve and 110 pods
    NodeRecord n = CharacterizationMapper.toNode(c, Quantity.parse("512Mi"), 110);

    // THEN
    assertEquals("rpi4b-bookworm64", n.name());
    assertEquals("arm64", n.architecture());
    assertEquals("Raspberry Pi 4 Model B Rev 1.4", n.board());
    assertEquals(Quantity.of(4), n.allocatable().cpu());
    assertEquals(Quantity.bytes(3977555968L - 536870912L), n.allocatable().memory());
    assertEquals(Quantity.of(110), n.allocatable().pods());
    assertTrue(n.requested().cpu().isZero());
    assertEquals(n.allocatable(), n.free());
    assertTrue(n.ready());
    assertEquals("arm64", n.labels().get("kubernetes.io/arch"));
  }

  @Test
  void aJetsonListsItsGpusButOffersNoneWithoutADevicePlugin() throws Exception {
    var c = JSON.readTree(FakeAgent.resource("/fixtures/char-agent.jetson-orin-nano.json"));

    NodeRecord n = CharacterizationMapper.toNode(c, Quantity.ZERO, 110);

    assertEquals(2, n.gpus().size());
    assertEquals("nvgpu", n.gpus().get(1).model());
    assertEquals("NVIDIA", n.gpus().get(1).vendor());
    assertTrue(n.allocatable().gpus().isZero());
    assertFalse(n.kvm());
    // the captured tree has no live mounts: root free space unknown, offered as zero
    assertTrue(n.allocatable().storage().isZero());
  }

  @Test
  void aLiveCharAgentsAnswerMapsWithItsRootFreeSpace() throws Exception {
    // GIVEN what a char-agent built from this repository answered on an x86 VM
    var c = JSON.readTree(FakeAgent.resource("/fixtures/char-agent.live-x86-vm.json"));

    NodeRecord n = CharacterizationMapper.toNode(c, Quantity.parse("512Mi"), 110);

    assertEquals("vm", n.name());
    assertEquals("amd64", n.architecture());
    assertEquals(Quantity.of(2), n.allocatable().cpu());
    assertEquals(Quantity.bytes(25276502016L - 536870912L), n.allocatable().memory());
    assertEquals(Quantity.bytes(81590833152L), n.allocatable().storage());
  }

  @Test
  void rootFreeSpaceIsTheStorageOffered() throws Exception {
    ObjectNode c =
        (ObjectNode) JSON.readTree(FakeAgent.resource("/fixtures/char-agent.rpi4b.json"));
    ((ObjectNode) c.path("storage").path("filesystems").get(0))
        .put("mountPoint", "/")
        .put("availableBytes", 20_000_000_000L);

    NodeRecord n = CharacterizationMapper.toNode(c, Quantity.ZERO, 110);

    assertEquals(Quantity.bytes(20_000_000_000L), n.allocatable().storage());
  }

  @Test
  void aReserveLargerThanTheMemoryLeavesZeroNotANegativeAmount() throws Exception {
    var c = JSON.readTree(FakeAgent.resource("/fixtures/char-agent.rpi4b.json"));

    NodeRecord n = CharacterizationMapper.toNode(c, Quantity.parse("64Gi"), 110);

    assertEquals(0, n.allocatable().memory().signum());
  }

  @Test
  void somethingElseThanACharacterizationIsRefused() {
    var e =
        assertThrows(
            SourceException.class,
            () -> CharacterizationMapper.toNode(JSON.readTree("[1,2]"), Quantity.ZERO, 110));
    assertTrue(e.getMessage().contains("not a characterization"), e.getMessage());
    assertThrows(
        SourceException.class,
        () ->
            CharacterizationMapper.toNode(
                JSON.readTree("{\"schemaVersion\":\"1.0\"}"), Quantity.ZERO, 110));
  }

  @Test
  void kernelMachineNamesBecomeKubernetesArchitectures() {
    assertEquals("arm64", CharacterizationMapper.kubernetesArch("aarch64"));
    assertEquals("amd64", CharacterizationMapper.kubernetesArch("x86_64"));
    assertEquals("arm", CharacterizationMapper.kubernetesArch("armv7l"));
  }
}
