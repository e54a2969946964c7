package io.minicloud.edgeagent.inventory.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.FakeAgent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSourceTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void theBrokerIsAvailableWhileSomethingListensOnItsPort() throws Exception {
    try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = broker.getLocalPort();
      var source =
          new ServiceSource(
              ServiceCatalog.mqttBroker("127.0.0.1", port),
              ServiceProbe.tcp("127.0.0.1", port, TIMEOUT));

      var service = source.read().services().get(0);

      assertTrue(service.available());
      assertEquals("messaging", service.category());
      assertEquals("mqtt://127.0.0.1:" + port, service.endpoint());
      assertEquals("object", service.configurationTemplate().path("type").asText());
      broker.close();
      assertFalse(source.read().services().get(0).available());
    }
  }

  @Test
  void theStorageGatewayCountsAsAvailableOnAnyHttpAnswer() throws Exception {
    try (FakeAgent s3 = new FakeAgent()) {
      s3.route("/", e -> FakeAgent.send(e, 403, "<Error/>"));
      BoundedHttp http = new BoundedHttp(TIMEOUT, 1024);
      URI uri = URI.create(s3.base() + "/");
      var source =
          new ServiceSource(ServiceCatalog.storageGateway(uri), ServiceProbe.http(uri, http));

      var service = source.read().services().get(0);

      assertTrue(service.available());
      assertEquals("storage", service.category());
      assertTrue(service.tags().contains("s3"));
    }
  }

  @Test
  void anOperatorsServiceTakesItsTemplateInlineOrFromAFile(@TempDir Path tmp) throws Exception {
    var inline =
        ServiceCatalog.configured(
            configured(
                "pg",
                Optional.of("type: object\nproperties:\n  db: {type: string}\n"),
                Optional.empty()));
    assertEquals(
        "string",
        inline.configurationTemplate().path("properties").path("db").path("type").asText());
    assertEquals("configured", inline.kind());

    Path file = tmp.resolve("schema.json");
    Files.writeString(file, "{\"type\":\"object\",\"required\":[\"user\"]}");
    var fromFile = ServiceCatalog.configured(configured("pg", Optional.empty(), Optional.of(file)));
    assertEquals("user", fromFile.configurationTemplate().path("required").get(0).asText());
  }

  @Test
  void aTemplateThatIsNoSchemaObjectIsRefusedNamingTheService() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ServiceCatalog.configured(
                    configured("pg", Optional.of("- a\n- b\n"), Optional.empty())));
    assertTrue(e.getMessage().contains("service 'pg'"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ServiceCatalog.configured(
                configured("Not_A_Label", Optional.empty(), Optional.empty())));
  }

  @Test
  void anEndpointWithoutHostOrPortIsNotProbed() {
    assertTrue(ServiceProbe.forEndpoint(URI.create("urn:minicloud:db"), null, TIMEOUT).answers());
  }

  private static ServiceCatalog.Configured configured(
      String name, Optional<String> template, Optional<Path> file) {
    return new ServiceCatalog.Configured(
        name,
        "PostgreSQL for the site",
        "database",
        List.of("postgresql"),
        "postgresql://127.0.0.1:5432",
        List.of("Provider"),
        template,
        file);
  }
}
