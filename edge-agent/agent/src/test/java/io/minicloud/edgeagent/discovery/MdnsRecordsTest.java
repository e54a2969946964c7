package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MdnsRecordsTest {
  private static final Announcement SELF = new Announcement("fluidos.eu", "gw-a", "10.0.0.1:8443");

  @Test
  void txtRecordCarriesNodeIdDomainPathTlsAndAddress() {
    assertEquals(
        Map.of(
            "nodeID",
            "gw-a",
            "domain",
            "fluidos.eu",
            "path",
            "/api/v2",
            "tls",
            "true",
            "address",
            "10.0.0.1:8443"),
        MdnsRecords.txtFor(SELF, "/api/v2", true));
  }

  @Test
  void aResolvedInstanceTakesTheAdvertisedAddressFromTxtNotFromTheARecord() {
    Map<String, String> txt = MdnsRecords.txtFor(SELF, "/api/v2", false);

    var decoded = MdnsRecords.fromService("gw-a", List.of("192.168.1.9"), 9999, txt::get);

    assertEquals(SELF, assertInstanceOf(AnnouncementCodec.Valid.class, decoded).announcement());
  }

  @Test
  void withoutAnAddressTxtTheARecordAndSrvPortMakeTheAddress() {
    Map<String, String> txt = Map.of("nodeID", "gw-a", "domain", "fluidos.eu");

    var decoded = MdnsRecords.fromService("gw-a", List.of("10.0.0.1"), 8443, txt::get);

    assertEquals(SELF, assertInstanceOf(AnnouncementCodec.Valid.class, decoded).announcement());
  }

  @Test
  void theInstanceNameStandsInForAMissingNodeIdTxt() {
    Map<String, String> txt = Map.of("domain", "fluidos.eu");

    var decoded = MdnsRecords.fromService("gw-b", List.of("10.0.0.2"), 3004, txt::get);

    assertEquals(
        "gw-b", assertInstanceOf(AnnouncementCodec.Valid.class, decoded).announcement().nodeId());
  }

  @Test
  void instancesWithoutAddressDomainOrAValidNodeIdAreRejected() {
    Map<String, String> good = Map.of("nodeID", "gw-a", "domain", "fluidos.eu");
    Map<String, String> noDomain = Map.of("nodeID", "gw-a");
    Map<String, String> badId = Map.of("nodeID", "GW A", "domain", "fluidos.eu");

    for (var decoded :
        List.of(
            MdnsRecords.fromService("gw-a", List.of(), 8443, good::get),
            MdnsRecords.fromService("gw-a", List.of("10.0.0.1"), 8443, noDomain::get),
            MdnsRecords.fromService("gw-a", List.of("10.0.0.1"), 8443, badId::get))) {
      assertEquals(
          ReceiveOutcome.INVALID,
          assertInstanceOf(AnnouncementCodec.Rejected.class, decoded).outcome());
    }
  }
}
