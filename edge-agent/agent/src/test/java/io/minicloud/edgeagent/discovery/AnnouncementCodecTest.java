package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnnouncementCodecTest {
  private final AnnouncementCodec codec = new AnnouncementCodec(HostileDatagrams.MAX_BYTES);

  @Test
  void readsTheGoNodesAnnouncementAndWritesItBackByteCompatible() throws Exception {
    // GIVEN the announcement of a FLUIDOS node (shared/rear/node-wire-examples)
    byte[] fixture;
    try (var in =
        getClass().getResourceAsStream("/discovery/fluidos-node.multicast-announcement.json")) {
      fixture = in.readAllBytes();
    }

    // WHEN it is decoded and encoded again
    var decoded = codec.decode(fixture, fixture.length);
    Announcement announcement =
        assertInstanceOf(AnnouncementCodec.Valid.class, decoded).announcement();
    byte[] encoded = codec.encode(announcement);

    // THEN the fields are read, and the output is what Go's json.Marshal writes: compact, in order
    assertEquals(new Announcement("fluidos.eu", "4ahrqttvng", "172.19.0.4:30001"), announcement);
    assertArrayEquals(
        "{\"domain\":\"fluidos.eu\",\"nodeID\":\"4ahrqttvng\",\"ip\":\"172.19.0.4:30001\"}"
            .getBytes(StandardCharsets.UTF_8),
        encoded);
  }

  static List<HostileDatagrams.Case> hostile() {
    return HostileDatagrams.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void rejectsHostileInputWithTheRightOutcome(HostileDatagrams.Case hostile) {
    var decoded = codec.decode(hostile.data(), hostile.data().length);

    assertEquals(
        hostile.expected(), assertInstanceOf(AnnouncementCodec.Rejected.class, decoded).outcome());
  }

  @Test
  void tenThousandDeepNestingIsMalformedEvenWhenTheSizeIsAllowed() {
    var generous = new AnnouncementCodec(1_000_000);
    byte[] deep =
        ("{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
            .getBytes(StandardCharsets.UTF_8);

    var decoded = generous.decode(deep, deep.length);

    assertEquals(
        ReceiveOutcome.MALFORMED,
        assertInstanceOf(AnnouncementCodec.Rejected.class, decoded).outcome());
  }

  @Test
  void fieldNamesMatchCaseInsensitivelyAndUnknownFieldsAreIgnoredLikeGo() {
    byte[] json =
        "{\"Domain\":\"fluidos.eu\",\"NodeId\":\"abc\",\"IP\":\"node.example:3004\",\"extra\":{\"a\":1}}"
            .getBytes(StandardCharsets.UTF_8);

    var decoded = codec.decode(json, json.length);

    assertEquals(
        new Announcement("fluidos.eu", "abc", "node.example:3004"),
        assertInstanceOf(AnnouncementCodec.Valid.class, decoded).announcement());
  }

  @Test
  void onlyTheReceivedLengthOfTheBufferCounts() {
    byte[] buffer = new byte[HostileDatagrams.MAX_BYTES + 1];
    byte[] valid = HostileDatagrams.valid("abc").getBytes(StandardCharsets.UTF_8);
    System.arraycopy(valid, 0, buffer, 0, valid.length);
    buffer[valid.length] = 'x';

    assertInstanceOf(AnnouncementCodec.Valid.class, codec.decode(buffer, valid.length));
  }
}
