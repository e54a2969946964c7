package io.minicloud.edgeagent.rear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.minicloud.rear.model.RearFixtures;
import io.minicloud.rear.model.RearJson;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our provider against shared/rear/openapi.yaml where the spec and the node agree (INTEROP §5):
 * every operation of the spec is served, every status we answer is one the spec declares for it,
 * every filter key the spec defines for a path is accepted, and K8Slice figures match the spec's
 * quantity patterns. (Field names follow the node, which the spec's remote schemas do not.)
 */
class OpenApiConformanceTest {

  private static final Map<String, String> PATTERNS =
      Map.of(
          "cpu", "^[0-9]+(m|([.][0-9]+)?|[kMGTP]i?)?$",
          "memory", "^[0-9]+(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$",
          "storage", "^[0-9]+(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$",
          "pods", "^[0-9]+$");

  @TempDir Path dir;
  RearClientKit kit;
  JsonNode spec;

  @BeforeEach
  void start() throws Exception {
    kit =
        new RearClientKit(
            dir,
            new StaticInventory(
                RearTestKit.snapshot(List.of(RearTestKit.node("pi-1", "4", "8Gi", "110")), true)));
    spec =
        new ObjectMapper(new YAMLFactory())
            .readTree(RearFixtures.rearDir().resolve("openapi.yaml").toFile());
  }

  @AfterEach
  void stop() throws Exception {
    kit.close();
  }

  private Set<String> declared(String path, String method) {
    Set<String> out = new java.util.HashSet<>();
    spec.at("/paths")
        .get(path)
        .get(method)
        .get("responses")
        .fieldNames()
        .forEachRemaining(out::add);
    return out;
  }

  @Test
  void everyOperationIsServedWithADeclaredStatus() throws Exception {
    Iterator<String> paths = spec.get("paths").fieldNames();
    List<String> checked = new ArrayList<>();
    while (paths.hasNext()) {
      String path = paths.next();
      for (String method : List.of("get", "post")) {
        if (!spec.get("paths").get(path).has(method)) {
          continue;
        }
        String concrete = path.replace("{transaction_id}", "0123456789abcdef0123456789abcdef-1");
        HttpResponse<String> anonymous =
            method.equals("get")
                ? kit.get(kit.https(concrete), false)
                : kit.post(kit.https(concrete), "{}", false);
        assertTrue(
            declared(path, method).contains(String.valueOf(anonymous.statusCode())),
            path + " without credentials: " + anonymous.statusCode());
        HttpResponse<String> r =
            method.equals("get")
                ? kit.get(kit.https(concrete), true)
                : kit.post(
                    kit.https(concrete),
                    path.contains("reservations")
                        ? "{\"flavorID\":\"nope-k8slice-00000000\",\"buyerID\":{\"ID\":\"b\"}}"
                        : "{}",
                    true);
        assertTrue(
            declared(path, method).contains(String.valueOf(r.statusCode())),
            method + " " + path + ": " + r.statusCode() + " " + r.body());
        checked.add(method + " " + path + " " + r.statusCode());
      }
    }
    assertEquals(7, checked.size(), checked.toString());
  }

  @Test
  void everyFilterTheSpecDefinesIsAccepted() throws Exception {
    Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
    int keys = 0;
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> p = paths.next();
      JsonNode filter =
          p.getValue().path("get").path("parameters").path(0).path("schema").path("properties");
      Iterator<Map.Entry<String, JsonNode>> attrs = filter.fields();
      while (attrs.hasNext()) {
        Map.Entry<String, JsonNode> a = attrs.next();
        for (JsonNode variant : a.getValue().get("oneOf")) {
          JsonNode props = variant.get("properties");
          String query =
              props.has("match")
                  ? "filter[" + a.getKey() + "][match]=x"
                  : props.has("exact")
                      ? "filter[" + a.getKey() + "][exact]=1"
                      : "filter["
                          + a.getKey()
                          + "][range][min]=1&filter["
                          + a.getKey()
                          + "][range][max]=4";
          HttpResponse<String> r = kit.get(kit.https(p.getKey() + "?" + query), true);
          assertEquals(200, r.statusCode(), p.getKey() + "?" + query + " -> " + r.body());
          keys++;
        }
      }
    }
    assertTrue(keys >= 20, "the spec's filter keys were read: " + keys);
  }

  @Test
  void k8sliceFiguresMatchTheSpecPatterns() throws Exception {
    JsonNode flavors =
        RearJson.mapper().readTree(kit.get(kit.https("/api/v2/flavors/k8slices"), true).body());
    assertFalse(flavors.isEmpty());
    for (JsonNode f : flavors) {
      JsonNode c = f.at("/type/data/characteristics");
      PATTERNS.forEach(
          (field, pattern) ->
              assertTrue(c.get(field).asText().matches(pattern), field + "=" + c.get(field)));
      assertEquals("k8slice", f.at("/type/name").asText());
      assertTrue(f.get("availability").isBoolean());
      for (String price : List.of("amount", "currency", "period")) {
        assertTrue(f.at("/price/" + price).isTextual(), price);
      }
    }
  }
}
