package io.minicloud.mapper.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.contract.DeviceDriverContract;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.GoldenCase;
import io.minicloud.mapper.coap.link.CoapCall;
import io.minicloud.mapper.coap.link.CoapReply;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The mapper contract for CoAP devices. A message link has no frames: each golden case's {@code
 * replies} answer requests on a {@link ScriptedCoapConnection}, its {@code notifications} are
 * delivered after attach, and writes are checked against {@code expectRequest}. On top, every reply
 * body of the read cases is truncated at every length and replaced by garbage: that must never
 * yield a value other than the golden one.
 */
class CoapDeviceDriverContractTest extends DeviceDriverContract {
  private static final List<String> CASES =
      List.of(
          "read-json-observe",
          "read-cbor-get",
          "read-text-get",
          "read-not-found",
          "read-malformed-json",
          "read-no-notification",
          "read-timeout",
          "write-text-put",
          "write-json-post",
          "write-refused");

  private final Map<String, ScriptedCoapConnection> connections = new ConcurrentHashMap<>();

  @Override
  protected MapperPlugin plugin() {
    return new CoapDevicePlugin();
  }

  @Override
  protected List<String> goldenCases() {
    return CASES;
  }

  /** No frames: an empty script (see the MQTT contract test for why not an IOException). */
  @Override
  protected FrameScript script(GoldenCase golden) {
    return new FrameScript(List.of());
  }

  @Override
  protected LinkSession session(GoldenCase golden, FrameScript script) {
    try {
      return session(golden, CoapGolden.load(golden.name()));
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("cannot set up golden case " + golden.name(), e);
    }
  }

  private LinkSession session(GoldenCase golden, CoapGolden coap)
      throws IOException, ConfigException {
    CoapDeviceDriver driver = (CoapDeviceDriver) plugin().bind(golden.device());
    ScriptedCoapConnection connection =
        new ScriptedCoapConnection(driver.settings(), Clock.systemUTC());
    coap.replies().forEach(r -> connection.reply(r.request(), r.reply()));
    LinkSession session = new CoapTestSession(connection, 2_000);
    driver.attach(session);
    coap.notifications().forEach(n -> connection.notify(n.request(), n.reply()));
    connections.put(golden.name(), connection);
    return session;
  }

  @Test
  void writesSendTheExpectedRequest() throws Exception {
    for (String name : CASES.stream().filter(c -> c.startsWith("write-")).toList()) {
      CoapGolden coap = CoapGolden.load(name);
      if (coap.expectRequest().isEmpty()) {
        continue;
      }
      // GIVEN a write golden case
      GoldenCase golden = GoldenCase.load("coap", name);
      LinkSession session = session(golden, coap);

      // WHEN the golden value is written
      plugin().bind(golden.device()).write(session, golden.writeProperty(), golden.writeValue());

      // THEN exactly the expected request went out: method, path, format, body
      List<CoapCall> sent = connections.get(name).requests();
      assertEquals(1, sent.size(), name);
      CoapCall call = sent.get(0);
      CoapReply expected = coap.expectRequest().get().reply();
      assertEquals(coap.expectRequest().get().request(), call.describe(), name);
      assertEquals(expected.contentFormat(), call.contentFormat().orElseThrow().number(), name);
      assertArrayEquals(
          expected.payload(), call.payload(), name + ": " + new String(call.payload()));
    }
  }

  @Test
  void truncatedAndGarbageBodiesNeverYieldAnotherValue() throws Exception {
    for (String name : CASES.stream().filter(c -> c.startsWith("read-")).toList()) {
      GoldenCase golden = GoldenCase.load("coap", name);
      CoapGolden coap = CoapGolden.load(name);
      if (golden.expectError() != null) {
        continue;
      }
      List<CoapGolden.Scripted> all = new ArrayList<>(coap.replies());
      all.addAll(coap.notifications());
      Random random = new Random(42);
      for (int i = 0; i < all.size(); i++) {
        CoapReply reply = all.get(i).reply();
        List<byte[]> variants = new ArrayList<>();
        for (int len = 0; len < reply.payload().length; len++) {
          variants.add(Arrays.copyOf(reply.payload(), len));
        }
        for (int g = 0; g < 50; g++) {
          byte[] garbage = new byte[1 + random.nextInt(64)];
          random.nextBytes(garbage);
          variants.add(garbage);
        }
        for (byte[] variant : variants) {
          assertNoOtherValue(golden, coap, i, variant);
        }
      }
    }
  }

  private void assertNoOtherValue(GoldenCase golden, CoapGolden coap, int index, byte[] body)
      throws Exception {
    List<CoapGolden.Scripted> replies = new ArrayList<>(coap.replies());
    List<CoapGolden.Scripted> notifications = new ArrayList<>(coap.notifications());
    List<CoapGolden.Scripted> target = index < replies.size() ? replies : notifications;
    int at = index < replies.size() ? index : index - replies.size();
    CoapReply original = target.get(at).reply();
    target.set(
        at,
        new CoapGolden.Scripted(
            target.get(at).request(),
            new CoapReply(
                original.code(),
                original.name(),
                original.contentFormat(),
                body,
                original.maxAgeSeconds(),
                original.notification())));
    DeviceDriver driver = plugin().bind(golden.device());
    LinkSession session =
        session(golden, new CoapGolden(replies, notifications, coap.expectRequest()));
    List<PointResult> results;
    try {
      results = driver.read(session, golden.read());
    } catch (DeviceException refused) {
      return;
    }
    for (PointResult r : results) {
      GoldenCase.Expected expected = golden.expect().get(r.property());
      if (r.isOk() && (expected == null || !r.raw().equals(expected.value()))) {
        // a truncated number ("21" of "21.5") is a different value, but a valid body: only
        // prefixes that are themselves well-formed may pass, and only as what they say
        if (!wellFormedPrefix(original, body)) {
          fail(golden.name() + ": body " + new String(body) + " yielded " + r.raw());
        }
      }
    }
    assertFalse(results.isEmpty());
  }

  /** A text body cut short can be another valid number ("21" of "21.5"): that is not a bug. */
  private static boolean wellFormedPrefix(CoapReply original, byte[] body) {
    return original.contentFormat() <= 0
        && body.length < original.payload().length
        && Arrays.equals(Arrays.copyOf(original.payload(), body.length), body);
  }
}
