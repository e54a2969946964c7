package io.minicloud.mapper.coap.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoapDeviceConfigTest {
  @TempDir Path dir;

  private static DeviceSpec spec(Map<String, Object> protocol, PropertySpec... properties) {
    return new DeviceSpec("dev", protocol, List.of(properties));
  }

  private static PropertySpec prop(String name, Map<String, Object> visitor) {
    return new PropertySpec(name, DataType.FLOAT64, false, visitor);
  }

  private static ConfigException refused(DeviceSpec spec) {
    return assertThrows(ConfigException.class, () -> CoapDeviceConfig.bind(spec));
  }

  private static boolean names(ConfigException e, String field) {
    return e.errors().stream().anyMatch(err -> err.field().equals(field));
  }

  @Test
  void aMinimalDeviceBindsWithDefaults() throws Exception {
    // GIVEN only a uri and a path
    CoapDeviceConfig config =
        CoapDeviceConfig.bind(
            spec(Map.of("uri", "coap://Sensor.local"), prop("t", Map.of("path", "/t"))));

    // THEN the defaults apply: port 5683, RFC 7252 timers, text, GET (no observe), PUT writes
    CoapEndpointSettings e = config.endpoint();
    assertEquals(new CoapUri("coap", "sensor.local", 5683), e.uri());
    assertEquals(Duration.ofSeconds(2), e.ackTimeout());
    assertEquals(4, e.maxRetransmit());
    assertEquals(Duration.ofSeconds(10), e.requestTimeout());
    assertEquals(65536, e.maxBodySize());
    assertEquals("coap:coap://sensor.local:5683", e.linkId());
    CoapPoint t = config.points().get("t");
    assertEquals(PayloadFormat.TEXT, t.accept());
    assertFalse(t.observe());
    assertEquals(WriteMethod.PUT, t.method());
  }

  @Test
  void hostAndPortAreAnAlternativeToUri() throws Exception {
    CoapDeviceConfig config =
        CoapDeviceConfig.bind(
            spec(Map.of("host", "10.0.0.7", "port", 15683), prop("t", Map.of("path", "/t"))));
    assertEquals("coap://10.0.0.7:15683", config.endpoint().uri().toString());
  }

  @Test
  void everyInvalidFieldIsReportedAtOnceWithItsPath() {
    // GIVEN a device with mistakes in the protocol and in two properties
    Map<String, Object> protocol =
        Map.of("uri", "http://x", "ackTimeout", -1, "blockSize", 100, "bogus", 1);
    ConfigException e =
        refused(
            spec(
                protocol,
                prop("a", Map.of("path", "no-slash", "accept", "image/png")),
                prop("b", Map.of("jsonPath", "$..x", "observe", "yes"))));

    // THEN all of them are named
    for (String field :
        List.of(
            "protocol.configData.uri",
            "protocol.configData.ackTimeout",
            "protocol.configData.blockSize",
            "protocol.configData.bogus",
            "properties[a].visitors.configData.path",
            "properties[a].visitors.configData.accept",
            "properties[b].visitors.configData.path",
            "properties[b].visitors.configData.jsonPath",
            "properties[b].visitors.configData.observe")) {
      assertTrue(names(e, field), field + " missing from " + e.errors());
    }
  }

  @Test
  void inlineSecretsAreRefusedWithoutEchoingThem() {
    // GIVEN keys written straight into the device file
    String secret = "s3cr3t-psk-value";
    Map<String, Object> protocol = new HashMap<>();
    protocol.put("uri", "coaps://127.0.0.1");
    protocol.put("pskIdentity", "gw");
    protocol.put("psk", secret);
    protocol.put("pskKey", secret);
    protocol.put("key", secret);
    ConfigException e = refused(spec(protocol, prop("t", Map.of("path", "/t"))));

    // THEN each is refused by name, and the value appears nowhere
    for (String key : List.of("psk", "pskKey", "key")) {
      assertTrue(names(e, "protocol.configData." + key), e.getMessage());
    }
    assertFalse(e.getMessage().contains(secret), e.getMessage());
    assertTrue(e.getMessage().contains("pskKeyFile"), e.getMessage());
  }

  @Test
  void pskCredentialsComeFromAFileAndNameTheLink() throws Exception {
    Path key = Files.writeString(dir.resolve("psk"), "secret\n");
    CoapDeviceConfig config =
        CoapDeviceConfig.bind(
            spec(
                Map.of(
                    "uri",
                    "coaps://gw.local",
                    "pskIdentity",
                    "bridge-1",
                    "pskKeyFile",
                    key.toString()),
                prop("t", Map.of("path", "/t"))));
    assertEquals("coap:coaps://gw.local:5684#bridge-1", config.endpoint().linkId());
    DtlsCredentials.Psk psk = (DtlsCredentials.Psk) config.endpoint().dtls().orElseThrow();
    assertEquals(PskKeyEncoding.RAW, psk.encoding());
    assertEquals("secret", new String(psk.encoding().read(psk.keyFile())));
  }

  @Test
  void coapsWithoutCredentialsAndDtlsKeysOnCoapAreRefused() {
    ConfigException noCredentials =
        refused(spec(Map.of("uri", "coaps://127.0.0.1"), prop("t", Map.of("path", "/t"))));
    assertTrue(names(noCredentials, "protocol.configData.pskIdentity"), noCredentials.getMessage());
    ConfigException dtlsOnPlain =
        refused(
            spec(
                Map.of("uri", "coap://127.0.0.1", "pskIdentity", "x"),
                prop("t", Map.of("path", "/t"))));
    assertTrue(names(dtlsOnPlain, "protocol.configData.pskIdentity"), dtlsOnPlain.getMessage());
  }

  @Test
  void missingCredentialFilesAreNamed() {
    ConfigException e =
        refused(
            spec(
                Map.of("uri", "coaps://127.0.0.1", "certFile", dir.resolve("none.crt").toString()),
                prop("t", Map.of("path", "/t"))));
    assertTrue(names(e, "protocol.configData.certFile"), e.getMessage());
    assertTrue(names(e, "protocol.configData.keyFile"), e.getMessage());
    assertTrue(names(e, "protocol.configData.caFile"), e.getMessage());
  }

  @Test
  void pointOptionsBind() throws Exception {
    PropertySpec sp =
        new PropertySpec(
            "sp",
            DataType.FLOAT64,
            true,
            Map.of(
                "path",
                "/sp?unit=c",
                "method",
                "post",
                "accept",
                60,
                "contentFormat",
                "application/json",
                "jsonPath",
                "$.v",
                "observe",
                true,
                "maxAge",
                5000));
    CoapPoint p = CoapDeviceConfig.bind(spec(Map.of("uri", "coap://h"), sp)).points().get("sp");
    assertEquals(WriteMethod.POST, p.method());
    assertEquals(PayloadFormat.CBOR, p.accept());
    assertEquals(PayloadFormat.JSON, p.contentFormat());
    assertEquals(Optional.of(Duration.ofSeconds(5)), p.maxAge());
    assertTrue(p.observe());
  }

  @Test
  void writeSettingsOnAReadOnlyPropertyAndDeleteOnANumberAreRefused() {
    ConfigException e =
        refused(
            spec(
                Map.of("uri", "coap://h"),
                prop("t", Map.of("path", "/t", "method", "DELETE")),
                prop("u", Map.of("path", "/u", "jsonPath", "$.x", "accept", "text/plain"))));
    assertTrue(names(e, "properties[t].visitors.configData.method"), e.getMessage());
    assertTrue(names(e, "properties[u].visitors.configData.jsonPath"), e.getMessage());
  }

  @Test
  void differentSettingsOnOneLinkAreListed() throws Exception {
    CoapEndpointSettings a =
        CoapDeviceConfig.bind(spec(Map.of("uri", "coap://h"), prop("t", Map.of("path", "/t"))))
            .endpoint();
    CoapEndpointSettings b =
        CoapDeviceConfig.bind(
                spec(Map.of("uri", "coap://h", "ackTimeout", 500), prop("t", Map.of("path", "/t"))))
            .endpoint();
    assertEquals(a.linkId(), b.linkId());
    assertEquals(List.of("ackTimeout"), a.differencesFrom(b));
  }
}
