package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@code minicloud deploy} makes before it sends anything. */
class WorkloadFileTest {

  static final String WEB =
      """
      apiVersion: minicloud.io/v1alpha1
      kind: Workload
      metadata:
        name: web
      spec:
        kind: Container
        image: nginx
      """;

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String refusal(String text) throws IOException {
    Path file = file("w.yaml", text);
    CliFailure failure =
        assertThrows(CliFailure.class, () -> new WorkloadFile(null).read(file), "accepted");
    assertEquals(2, failure.exitCode());
    return failure.getMessage().replace(file.toString(), "w.yaml");
  }

  @Test
  void aWorkloadGetsTheDefaultNamespace() throws IOException {
    List<WorkloadDocument> docs = new WorkloadFile(null).read(file("w.yaml", WEB));

    assertEquals(1, docs.size());
    WorkloadDocument web = docs.get(0);
    assertEquals("default/web", web.id());
    assertEquals("Container", web.kind());
    assertEquals(1, web.index());
    assertEquals("default", WorkloadView.map(web.body().get("metadata")).get("namespace"));
  }

  @Test
  void documentsAreCountedFromOneAndEmptyOnesSkipped() throws IOException {
    String text = "---\n" + WEB + "---\n---\n" + WEB.replace("name: web", "name: db");

    List<WorkloadDocument> docs = new WorkloadFile(null).read(file("w.yaml", text));

    assertEquals(List.of("web", "db"), docs.stream().map(WorkloadDocument::name).toList());
    assertEquals(List.of(1, 3), docs.stream().map(WorkloadDocument::index).toList());
  }

  @Test
  void namespaceOptionFillsInButNeverOverrides() throws IOException {
    assertEquals("lab", new WorkloadFile("lab").read(file("a.yaml", WEB)).get(0).namespace());

    Path other = file("b.yaml", WEB.replace("  name: web", "  name: web\n  namespace: prod"));
    CliFailure failure = assertThrows(CliFailure.class, () -> new WorkloadFile("lab").read(other));
    assertTrue(
        failure
            .getMessage()
            .endsWith("document 1: metadata.namespace is 'prod', but --namespace is 'lab'"),
        failure.getMessage());
  }

  @Test
  void theEnvelopeIsCheckedWithFileDocumentAndField() throws IOException {
    assertEquals(
        "w.yaml, document 2: kind: missing (expected Workload)",
        refusal(WEB + "---\napiVersion: minicloud.io/v1alpha1\nmetadata: {name: x}\nspec: {}\n"));
    assertEquals(
        "w.yaml, document 1: apiVersion: 'minicloud.io/v1' is not minicloud.io/v1alpha1",
        refusal(WEB.replace("v1alpha1", "v1")));
    assertEquals(
        "w.yaml, document 1: apiVersion: missing (expected minicloud.io/v1alpha1)",
        refusal(WEB.replace("apiVersion: minicloud.io/v1alpha1\n", "")));
    assertEquals(
        "w.yaml, document 1: kind: 'Deployment' is not Workload (minicloud-vim only takes"
            + " Workload documents)",
        refusal(WEB.replace("kind: Workload", "kind: Deployment")));
    assertEquals(
        "w.yaml, document 1: metadata.name: missing",
        refusal(WEB.replace("name: web", "labels: {}")));
    assertTrue(
        refusal(WEB.replace("name: web", "name: Web_1"))
            .startsWith("w.yaml, document 1: metadata.name: 'Web_1' is not a DNS-1123 label"));
    assertEquals(
        "w.yaml, document 1: spec: missing", refusal(WEB.substring(0, WEB.indexOf("spec:"))));
    assertEquals(
        "w.yaml, document 1: a list, not a Workload (a mapping with kind)", refusal("- a\n- b\n"));
    assertEquals(
        "w.yaml, document 2: default/web is also document 1", refusal(WEB + "---\n" + WEB));
    assertEquals("w.yaml: no YAML documents (expected kind Workload)", refusal("# nothing\n"));
  }

  @Test
  void textThatIsNotYamlNamesTheLine() throws IOException {
    String message = refusal(WEB + "  image: [unclosed\n");

    assertTrue(message.startsWith("w.yaml, document 1: not valid YAML: "), message);
    assertTrue(message.contains("(line "), message);
  }

  @Test
  void anAliasBombIsRefused() throws IOException {
    // "billion laughs": each level repeats the one before nine times.
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      bomb.append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
    }

    String message = refusal(bomb.toString());

    assertTrue(message.startsWith("w.yaml, document 1: more than 10 YAML aliases"), message);
  }

  @Test
  void aFewAliasesThatExpandHugelyAreRefusedToo() throws IOException {
    // Under the alias limit, but each level doubles a large string list.
    StringBuilder text = new StringBuilder("a: &a [" + "\"" + "x".repeat(200_000) + "\"]\n");
    for (char c = 'b'; c <= 'e'; c++) {
      char p = (char) (c - 1);
      text.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p);
      text.append("]\n");
    }

    String message = refusal(text.toString().replace("a: &a", "spec: {}\na: &a"));

    assertTrue(message.contains("expands to more than"), message);
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    String message = refusal("spec: " + "[".repeat(5000) + "]".repeat(5000) + "\n");

    assertTrue(message.startsWith("w.yaml, document 1: nested deeper than 40 levels"), message);
  }

  @Test
  void aHugeFileIsRefusedUnparsed() throws IOException {
    Path huge = dir.resolve("huge.yaml");
    Files.writeString(huge, WEB + "# " + "x".repeat(WorkloadFile.MAX_BYTES) + "\n");

    CliFailure failure = assertThrows(CliFailure.class, () -> new WorkloadFile(null).read(huge));

    assertEquals(huge + " is larger than 1024 KiB: not a Workload file", failure.getMessage());
  }

  @Test
  void binaryFilesAreRefused() throws IOException {
    Path elf = Files.write(dir.resolve("a.out"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0});
    Path latin1 =
        Files.write(
            dir.resolve("l.yaml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertEquals(
        elf + " is binary (a NUL byte at offset 7), not YAML text",
        assertThrows(CliFailure.class, () -> new WorkloadFile(null).read(elf)).getMessage());
    assertEquals(
        latin1 + " is not UTF-8 text (binary?), not YAML",
        assertThrows(CliFailure.class, () -> new WorkloadFile(null).read(latin1)).getMessage());
  }

  @Test
  void javaTypeTagsAreRefused() throws IOException {
    String message =
        refusal(
            WEB + "  env: !!javax.script.ScriptEngineManager [!!java.net.URL [\"http://x/\"]]\n");

    assertTrue(
        message.startsWith("w.yaml, document 1: a YAML tag this reader does not accept"), message);
  }

  @Test
  void valuesWithoutAJsonFormAreRefusedByField() throws IOException {
    assertEquals(
        "w.yaml, document 1: spec.cpu: NaN is not a JSON number", refusal(WEB + "  cpu: .nan\n"));
    assertEquals(
        "w.yaml, document 1: spec.ports: the key 1 is not a string (quote it)",
        refusal(WEB + "  ports: {1: a}\n"));
    assertTrue(refusal(WEB + "  image: 1\n  image: 2\n").contains("duplicate key image"));
    assertEquals(
        "w.yaml, document 1: spec.data: a !!binary value has no JSON form",
        refusal(WEB + "  data: !!binary aGVsbG8=\n"));
  }

  @Test
  void datesStayStrings() throws IOException {
    Path file = file("w.yaml", WEB + "  env:\n    - name: SINCE\n      value: 2026-05-01\n");

    Map<?, ?> spec = WorkloadView.map(new WorkloadFile(null).read(file).get(0).body().get("spec"));

    assertEquals(List.of(Map.of("name", "SINCE", "value", "2026-05-01")), spec.get("env"));
  }
}
