package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.Transform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttDeviceConfigTest {
  private static final String PASSWORD = "hunter2-do-not-log";

  private static PropertySpec property(
      String name, DataType type, boolean writable, Map<String, Object> visitor) {
    return new PropertySpec(name, type, writable, visitor);
  }

  private static PropertySpec power() {
    return property("power", DataType.FLOAT64, false, Map.of("jsonPath", "$.ENERGY.Power"));
  }

  private static MqttDeviceConfig bind(Map<String, Object> protocol, PropertySpec... properties)
      throws ConfigException {
    return MqttDeviceConfig.bind(new DeviceSpec("plug1", protocol, List.of(properties)));
  }

  private static List<String> fields(ConfigException e) {
    return e.errors().stream().map(ConfigException.FieldError::field).toList();
  }

  @Test
  void aMinimalDeviceBindsWithDocumentedDefaults() throws Exception {
    // GIVEN only a topic, one read-only and one writable property
    PropertySpec relay = property("relay", DataType.BOOL, true, Map.of("jsonPath", "$.POWER"));

    // WHEN it is bound
    MqttDeviceConfig config = bind(Map.of("topic", "tele/plug1/STATE"), power(), relay);

    // THEN the defaults apply
    MqttConnectionSettings connection = config.protocol().connection();
    assertEquals("tcp://127.0.0.1:1883", connection.broker().toString());
    assertEquals("minicloud-plug1", connection.clientId());
    assertEquals(ProtocolVersion.AUTO, connection.protocolVersion());
    assertEquals(Duration.ofSeconds(30), connection.keepAlive());
    assertEquals(Duration.ofSeconds(10), connection.connectTimeout());
    assertEquals(1, config.protocol().qos());
    assertEquals(Optional.empty(), config.protocol().maxAge());
    assertEquals("mqtt:tcp://127.0.0.1:1883#minicloud-plug1", connection.linkId());
    // ... the writable property publishes next to the state topic, the read-only one nowhere
    assertEquals(Optional.of("tele/plug1/command"), config.points().get("relay").commandTopic());
    assertEquals(Optional.empty(), config.points().get("power").commandTopic());
    assertEquals(
        new PointBinding(DataType.FLOAT64, Transform.IDENTITY),
        config.points().get("power").binding());
  }

  @Test
  void everyErrorIsReportedAtOnceWithItsFieldPath() {
    // GIVEN a device with many mistakes, in both config levels
    Map<String, Object> protocol = new HashMap<>();
    protocol.put("broker", "http://broker");
    protocol.put("qos", 2);
    protocol.put("maxAge", -5);
    protocol.put("protocolVersion", "4");
    protocol.put("topic", "a/#/b");
    protocol.put("colour", "blue");
    PropertySpec bad =
        property(
            "mode",
            DataType.STRING,
            false,
            Map.of("jsonPath", "$..mode", "scale", 2, "commandPayload", "{}", "noSuch", 1));

    // WHEN it is bound
    ConfigException e = assertThrows(ConfigException.class, () -> bind(protocol, bad));

    // THEN each mistake is named at its field
    assertEquals(
        List.of(
            "protocol.configData.colour",
            "protocol.configData.broker",
            "protocol.configData.protocolVersion",
            "protocol.configData.topic",
            "protocol.configData.qos",
            "protocol.configData.maxAge",
            "properties[mode].visitors.configData.noSuch",
            "properties[mode].visitors.configData.jsonPath",
            "properties[mode].visitors.configData.commandPayload",
            "properties[mode].visitors.configData.scale"),
        fields(e));
  }

  @Test
  void aDeviceTopicIsRequiredUnlessEveryPropertyHasItsOwn() throws Exception {
    // GIVEN no device topic; one property with its own topic, one without
    PropertySpec own =
        property("t", DataType.FLOAT64, false, Map.of("jsonPath", "$", "topic", "esp/t"));

    // WHEN / THEN the one without a topic is named
    ConfigException e = assertThrows(ConfigException.class, () -> bind(Map.of(), own, power()));
    assertEquals(List.of("protocol.configData.topic"), fields(e));
    assertTrue(e.getMessage().contains("property power"), e.getMessage());
    // ... and with only the property that has one, the device binds
    assertEquals("esp/t", bind(Map.of(), own).points().get("t").watch().filter().text());
  }

  @Test
  void aWildcardStateTopicNeedsAnExplicitCommandTopicForWrites() throws Exception {
    // GIVEN a wildcard state topic and a writable property
    PropertySpec setpoint = property("sp", DataType.INT16, true, Map.of("jsonPath", "$.sp"));

    // WHEN / THEN no command topic can be derived
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> bind(Map.of("topic", "thermo/+/state"), setpoint));
    assertEquals(List.of("protocol.configData.commandTopic"), fields(e));
    // ... and an explicit one binds
    assertEquals(
        Optional.of("thermo/k/set"),
        bind(Map.of("topic", "thermo/+/state", "commandTopic", "thermo/k/set"), setpoint)
            .points()
            .get("sp")
            .commandTopic());
  }

  @Test
  void commandSettingsOnAReadOnlyPropertyAreErrors() {
    PropertySpec readOnly =
        property("t", DataType.INT16, false, Map.of("jsonPath", "$.t", "commandTopic", "x/set"));
    ConfigException e =
        assertThrows(ConfigException.class, () -> bind(Map.of("topic", "x"), readOnly));
    assertEquals(List.of("properties[t].visitors.configData.commandTopic"), fields(e));
  }

  @Test
  void rawTypeLetsAnEnumMapIntegerCodesToLabels() throws Exception {
    // GIVEN a string property whose device sends integer codes
    PropertySpec state =
        property(
            "state",
            DataType.STRING,
            false,
            Map.of(
                "jsonPath",
                "$.state",
                "rawType",
                "uint16",
                "enum",
                Map.of("0", "idle", "1", "heating")));

    // WHEN it is bound
    PointBinding binding = bind(Map.of("topic", "trv"), state).points().get("state").binding();

    // THEN the core reads uint16 and maps the codes
    assertEquals(DataType.UINT16, binding.rawType());
    assertEquals(Map.of(0L, "idle", 1L, "heating"), binding.transform().enumMap());
  }

  @Test
  void transformKeysTheRawTypeWouldIgnoreAreErrors() {
    // GIVEN an enum on a float, mask on a string, and min above max
    PropertySpec floatEnum =
        property("a", DataType.FLOAT32, false, Map.of("jsonPath", "$.a", "enum", Map.of("1", "x")));
    PropertySpec stringMask =
        property("b", DataType.STRING, false, Map.of("jsonPath", "$.b", "mask", 3));
    PropertySpec range =
        property("c", DataType.INT32, false, Map.of("jsonPath", "$.c", "min", 5, "max", 1));
    PropertySpec badScale =
        property("d", DataType.INT32, false, Map.of("jsonPath", "$.d", "scale", "x"));

    // WHEN / THEN each is named at its key
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> bind(Map.of("topic", "t"), floatEnum, stringMask, range, badScale));
    assertEquals(
        List.of(
            "properties[a].visitors.configData.enum",
            "properties[b].visitors.configData.mask",
            "properties[c].visitors.configData.min",
            "properties[d].visitors.configData.scale"),
        fields(e));
  }

  @Test
  void theBrokerIsCanonicalSoSpellingsShareALink() throws Exception {
    // GIVEN two devices that spell one broker differently and set one client id
    MqttDeviceConfig a =
        bind(Map.of("broker", "tcp://LOCALHOST", "clientId", "gw", "topic", "a"), power());
    MqttDeviceConfig b =
        bind(Map.of("broker", "tcp://localhost:1883/", "clientId", "gw", "topic", "b"), power());
    MqttDeviceConfig own = bind(Map.of("broker", "tcp://localhost", "topic", "c"), power());

    // THEN the first two share a link, and a default client id gets its own
    assertEquals("mqtt:tcp://localhost:1883#gw", a.protocol().connection().linkId());
    assertEquals(a.protocol().connection().linkId(), b.protocol().connection().linkId());
    assertEquals(List.of(), a.protocol().connection().differencesFrom(b.protocol().connection()));
    assertNotEquals(a.protocol().connection().linkId(), own.protocol().connection().linkId());
    assertEquals(
        8883,
        bind(Map.of("broker", "ssl://h", "topic", "t"), power())
            .protocol()
            .connection()
            .broker()
            .port());
  }

  @Test
  void differingSettingsOnOneLinkAreNamedWithoutTheirValues() throws Exception {
    // GIVEN two devices on one link whose passwords differ
    MqttConnectionSettings a =
        bind(Map.of("clientId", "gw", "username", "u", "password", PASSWORD, "topic", "a"), power())
            .protocol()
            .connection();
    MqttConnectionSettings b =
        bind(Map.of("clientId", "gw", "username", "u", "password", "other", "topic", "a"), power())
            .protocol()
            .connection();

    // THEN the difference is the field name only
    assertEquals(a.linkId(), b.linkId());
    assertEquals(List.of("password"), a.differencesFrom(b));
  }

  @Test
  void passwordsNeverAppearInToStringOrErrors() {
    // GIVEN a password, a key store password, and another mistake that fails the binding
    Map<String, Object> protocol =
        Map.of(
            "username",
            "bridge",
            "password",
            PASSWORD,
            "keyStorePassword",
            PASSWORD,
            "topic",
            "t",
            "qos",
            7);

    // WHEN binding fails
    ConfigException e = assertThrows(ConfigException.class, () -> bind(protocol, power()));

    // THEN no message carries the password
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
    assertTrue(fields(e).contains("protocol.configData.keyStorePassword"));
  }

  @Test
  void settingsPrintWithoutTheirSecrets() throws Exception {
    // GIVEN bound settings with a password
    MqttConnectionSettings settings =
        bind(Map.of("username", "bridge", "password", PASSWORD, "topic", "t"), power())
            .protocol()
            .connection();

    // THEN neither the settings nor the link print it
    assertFalse(settings.toString().contains(PASSWORD), settings.toString());
    assertTrue(settings.toString().contains("password=(set)"), settings.toString());
    assertFalse(String.valueOf(settings.password()).contains(PASSWORD));
  }

  @Test
  void credentialsInTheBrokerUriAreRefusedWithoutRepeatingThem() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                bind(
                    Map.of("broker", "tcp://bridge:" + PASSWORD + "@h:1883", "topic", "t"),
                    power()));
    assertEquals(List.of("protocol.configData.broker"), fields(e));
    assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
  }

  @Test
  void tlsSettingsMustFitTheBrokerAndEachOther(@TempDir Path dir) throws Exception {
    // GIVEN real files, and combinations that cannot work
    Path ca = Files.writeString(dir.resolve("ca.crt"), "x");
    Path cert = Files.writeString(dir.resolve("c.crt"), "x");
    Path store = Files.writeString(dir.resolve("c.p12"), "x");

    // WHEN / THEN TLS files on a tcp:// broker are refused
    ConfigException plain =
        assertThrows(
            ConfigException.class,
            () -> bind(Map.of("caFile", ca.toString(), "topic", "t"), power()));
    assertEquals(List.of("protocol.configData.caFile"), fields(plain));
    // ... a certificate needs its key, a key store excludes PEM files, missing files are named
    ConfigException mixed =
        assertThrows(
            ConfigException.class,
            () ->
                bind(
                    Map.of(
                        "broker", "ssl://h",
                        "clientCertFile", cert.toString(),
                        "keyStore", store.toString(),
                        "caFile", dir.resolve("missing.crt").toString(),
                        "topic", "t"),
                    power()));
    assertEquals(
        List.of(
            "protocol.configData.caFile",
            "protocol.configData.clientKeyFile",
            "protocol.configData.keyStore"),
        fields(mixed));
    // ... and a complete set binds
    TlsSettings tls =
        bind(
                Map.of(
                    "broker",
                    "ssl://h",
                    "caFile",
                    ca.toString(),
                    "keyStore",
                    store.toString(),
                    "keyStorePassword",
                    "p",
                    "topic",
                    "t"),
                power())
            .protocol()
            .connection()
            .tls();
    assertEquals(Optional.of(store), tls.keyStore());
    assertTrue(tls.clientIdentity());
  }

  @Test
  void protocolVersionAcceptsTheThreeSpellings() throws Exception {
    assertEquals(ProtocolVersion.V5, version(5));
    assertEquals(ProtocolVersion.V5, version("5"));
    assertEquals(ProtocolVersion.V3_1_1, version("3.1.1"));
    assertEquals(ProtocolVersion.AUTO, version("AUTO"));
    assertThrows(ConfigException.class, () -> version(3));
  }

  private static ProtocolVersion version(Object value) throws ConfigException {
    return bind(Map.of("protocolVersion", value, "topic", "t"), power())
        .protocol()
        .connection()
        .protocolVersion();
  }
}
