package io.minicloud.mapper.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PropertySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every mapper plugin passes: subclass it in the plugin's tests, name the golden
 * cases, and put {@code <plugin>.<case>.json} (+ {@code .hex} for byte links) on the test
 * classpath.
 *
 * <p>Golden cases are replayed frame by frame against a {@link ScriptedLinkSession}; on top of them
 * the base derives hostile cases on its own: every reply truncated at every length, and random
 * garbage in place of every reply, must end in an error and never in a value.
 */
public abstract class DeviceDriverContract {

  /** The plugin under test, made with {@code new}. */
  protected abstract MapperPlugin plugin();

  /** The golden case names ({@code <plugin>.<case>.json}); at least one read and one write. */
  protected abstract List<String> goldenCases();

  /**
   * The session a golden case plays against. Byte links use the {@code .hex} script; message links
   * override this to hand in an in-memory connection.
   */
  protected LinkSession session(GoldenCase golden, FrameScript script) {
    return new ScriptedLinkSession(script);
  }

  protected FrameScript script(GoldenCase golden) throws IOException {
    return FrameScript.load(plugin().protocol() + "." + golden.name() + ".hex");
  }

  @Test
  void pluginIsFoundByServiceLoader() {
    assertTrue(
        ServiceLoader.load(MapperPlugin.class).stream()
            .anyMatch(p -> p.type().equals(plugin().getClass())),
        "META-INF/services/io.minicloud.mapper.api.MapperPlugin must name "
            + plugin().getClass().getName());
  }

  @Test
  void bindingIsDeterministicAndCoversEveryProperty() throws Exception {
    for (String name : goldenCases()) {
      DeviceSpec spec = GoldenCase.load(plugin().protocol(), name).device();
      DeviceDriver first = plugin().bind(spec);
      DeviceDriver second = plugin().bind(spec);
      assertEquals(first.link().id(), second.link().id(), name + ": link id must be stable");
      for (PropertySpec property : spec.properties()) {
        assertNotNull(first.point(property.name()), name + ": no point for " + property.name());
      }
    }
  }

  @Test
  void unknownVisitorKeyIsRejectedWithItsFieldPath() throws Exception {
    DeviceSpec spec = GoldenCase.load(plugin().protocol(), goldenCases().get(0)).device();
    PropertySpec first = spec.properties().get(0);
    Map<String, Object> visitor = new HashMap<>(first.visitorConfig());
    visitor.put("noSuchSetting", 1);
    List<PropertySpec> properties = new ArrayList<>(spec.properties());
    properties.set(0, new PropertySpec(first.name(), first.type(), first.writable(), visitor));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> plugin().bind(new DeviceSpec(spec.name(), spec.protocolConfig(), properties)));
    assertTrue(
        e.errors().stream().anyMatch(err -> err.field().equals(first.field("noSuchSetting"))),
        "errors must name " + first.field("noSuchSetting") + ", got " + e.errors());
  }

  @Test
  void emptyProtocolConfigIsRejectedOrBindsWithDefaults() throws Exception {
    DeviceSpec spec = GoldenCase.load(plugin().protocol(), goldenCases().get(0)).device();
    try {
      plugin().bind(new DeviceSpec(spec.name(), Map.of(), spec.properties()));
    } catch (ConfigException e) {
      assertFalse(e.errors().isEmpty());
      e.errors().forEach(err -> assertTrue(err.field().startsWith("protocol."), err.toString()));
    }
  }

  @TestFactory
  Stream<DynamicTest> goldenCasesReplayFrameByFrame() {
    return goldenCases().stream().map(name -> DynamicTest.dynamicTest(name, () -> replay(name)));
  }

  private void replay(String name) throws Exception {
    GoldenCase golden = GoldenCase.load(plugin().protocol(), name);
    DeviceDriver driver = plugin().bind(golden.device());
    FrameScript frames;
    try {
      frames = script(golden);
    } catch (IOException noFrames) {
      frames = new FrameScript(List.of()); // a message link: its session carries the messages
    }
    LinkSession session = session(golden, frames);
    if (golden.expectError() != null) {
      DeviceException e = assertThrows(DeviceException.class, () -> run(driver, session, golden));
      assertEquals(golden.expectError(), e.kind().tag(), e.getMessage());
    } else {
      List<PointResult> results = run(driver, session, golden);
      for (PointResult result : results) {
        GoldenCase.Expected expected = golden.expect().get(result.property());
        assertNotNull(expected, name + ": no expectation for " + result.property());
        if (expected.error() != null) {
          assertFalse(result.isOk(), name + ": " + result.property() + " must fail");
          assertEquals(expected.error(), result.error().kind().tag(), result.error().getMessage());
        } else {
          assertTrue(result.isOk(), () -> name + ": " + result.error());
          assertEquals(expected.value(), result.raw(), name + ": " + result.property());
        }
      }
    }
    if (session instanceof ScriptedLinkSession scripted) {
      scripted.assertFinished();
    }
  }

  private static List<PointResult> run(DeviceDriver driver, LinkSession session, GoldenCase c)
      throws IOException {
    if (c.isWrite()) {
      driver.write(session, c.writeProperty(), c.writeValue());
      return List.of();
    }
    List<PointResult> results = driver.read(session, c.read());
    assertEquals(c.read().size(), results.size(), "one result per requested property");
    return results;
  }

  @TestFactory
  Stream<DynamicTest> truncatedRepliesNeverYieldAValue() {
    return hostileVariants(
        (reply, random, out) -> {
          for (int len = 0; len < reply.length; len++) {
            out.add(java.util.Arrays.copyOf(reply, len));
          }
        });
  }

  @TestFactory
  Stream<DynamicTest> garbageRepliesNeverYieldAValue() {
    return hostileVariants(
        (reply, random, out) -> {
          for (int i = 0; i < 50; i++) {
            byte[] garbage = new byte[1 + random.nextInt(Math.max(2, reply.length * 2))];
            random.nextBytes(garbage);
            out.add(garbage);
          }
          for (int bit = 0; bit < reply.length * 8; bit++) {
            byte[] flipped = reply.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            if (corruptionIsDetectable(reply, bit)) {
              out.add(flipped);
            }
          }
        });
  }

  /**
   * Whether flipping {@code bit} of a reply must be detected. Protocols with a checksum (Modbus
   * RTU) detect every flip; without one only header bits can be (override accordingly).
   */
  protected boolean corruptionIsDetectable(byte[] reply, int bit) {
    return false;
  }

  /** Makes hostile replies from one golden reply. */
  protected interface Mutator {
    void mutate(byte[] reply, Random random, List<byte[]> out);
  }

  private Stream<DynamicTest> hostileVariants(Mutator mutator) {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : goldenCases()) {
      tests.add(DynamicTest.dynamicTest(name, () -> hostile(name, mutator)));
    }
    return tests.stream();
  }

  private void hostile(String name, Mutator mutator) throws Exception {
    GoldenCase golden = GoldenCase.load(plugin().protocol(), name);
    FrameScript script;
    try {
      script = script(golden);
    } catch (IOException noFrames) {
      return; // message links have no frames to mangle; their own tests cover bad payloads
    }
    if (golden.isWrite() || golden.expectError() != null) {
      return;
    }
    List<FrameScript.Step> steps = script.steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).request() || steps.get(i).silent()) {
        continue;
      }
      List<byte[]> variants = new ArrayList<>();
      mutator.mutate(steps.get(i).bytes(), new Random(42 + i), variants);
      for (byte[] variant : variants) {
        List<FrameScript.Step> mangled = new ArrayList<>(steps.subList(0, i));
        mangled.add(new FrameScript.Step(false, variant));
        DeviceDriver driver = plugin().bind(golden.device());
        LinkSession session = session(golden, new FrameScript(mangled));
        List<PointResult> results = List.of();
        try {
          results = driver.read(session, golden.read());
        } catch (DeviceException expected) {
          // the driver saw the reply was bad: that is the contract
        } catch (ScriptedLinkSession.ScriptExhausted exhausted) {
          // the driver asked for more than the mangled script holds: it did not accept the reply
        }
        for (PointResult r : results) {
          GoldenCase.Expected expected = golden.expect().get(r.property());
          if (r.isOk() && (expected == null || !r.raw().equals(expected.value()))) {
            fail(name + ": reply " + Hex.format(variant) + " yielded " + r.raw());
          }
        }
      }
    }
  }
}
