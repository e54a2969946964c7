package io.minicloud.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for minicloud-vim's REST API v1 (docs/api/minicloud-vim-v1.md), which is being built
 * at the same time as this CLI: a JDK HttpServer that answers with the documented status codes and
 * shapes, keeping workloads in memory. It does not place anything: every workload gets the same
 * placement explanation ({@link #PLACEMENT}), which is what the CLI must show. Its one validation
 * rule (a Container needs spec.image) stands for the VIM's field-by-field problems.
 */
final class VimStandIn implements AutoCloseable {

  static final Map<String, Object> PLACEMENT =
      Map.of(
          "eligible",
              List.of(Map.of("node", "gw1", "score", 80), Map.of("node", "gw2", "score", 30)),
          "excluded",
              List.of(
                  Map.of(
                      "node",
                      "gw3",
                      "reasons",
                      List.of("arch: node is amd64, not arm64", "kvm: node has no KVM"))),
          "summary", "2 of 3 nodes qualify; gw1 is preferred (score 80)");

  static final String CREATED_AT = "2026-11-23T10:00:00Z";

  private final HttpServer server;
  private final boolean detached;
  private final Map<String, Map<String, Object>> workloads =
      Collections.synchronizedMap(new LinkedHashMap<>());

  /** Every request, as {@code METHOD /path?query}. */
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  /** Every request body, and the Content-Type it came with. */
  final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

  final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param detached answer as a VIM without a Kubernetes cluster (phase Detached, nothing applied,
   *     actions refused with 409)
   */
  VimStandIn(boolean detached) throws IOException {
    this.detached = detached;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/workloads", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A workload stored as if deployed earlier. */
  void put(String namespace, String name, String kind) {
    Map<String, Object> workload = new LinkedHashMap<>();
    workload.put("apiVersion", "minicloud.io/v1alpha1");
    workload.put("kind", "Workload");
    workload.put("metadata", Map.of("name", name, "namespace", namespace));
    workload.put("spec", Map.of("kind", kind, "image", "example/" + name));
    workloads.put(namespace + "/" + name, withStatus(workload));
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String query = ex.getRequestURI().getRawQuery();
    String path = ex.getRequestURI().getPath();
    requests.add(method + " " + path + (query == null ? "" : "?" + query));
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!body.isEmpty()) {
      bodies.add(body);
      contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
    }
    String[] parts = path.substring("/api/v1/workloads".length()).split("/");
    // parts: [""] for the collection, ["", ns, name] or ["", ns, name, sub] for one workload.
    if (parts.length <= 1) {
      collection(ex, method, query, body);
      return;
    }
    String id = parts[1] + "/" + (parts.length > 2 ? parts[2] : "");
    Map<String, Object> existing = workloads.get(id);
    String sub = parts.length > 3 ? parts[3] : "";
    if (existing == null) {
      answer(ex, 404, Map.of("error", "no workload " + id));
    } else if (sub.isEmpty()) {
      one(ex, method, id, body);
    } else if (sub.equals("manifests")) {
      answer(ex, 200, manifests(existing));
    } else if (sub.equals("console")) {
      console(ex, existing);
    } else if (detached) {
      answer(ex, 409, Map.of("error", "detached: no cluster, nothing runs"));
    } else {
      answer(ex, 202, Map.of("action", sub, "workload", id));
    }
  }

  private void collection(HttpExchange ex, String method, String query, String body)
      throws IOException {
    if (method.equals("GET")) {
      String ns = query != null && query.startsWith("namespace=") ? query.substring(10) : null;
      List<Object> items = new ArrayList<>();
      synchronized (workloads) {
        workloads.values().stream()
            .filter(w -> ns == null || ns.equals(new WorkloadView(w).namespace()))
            .forEach(items::add);
      }
      answer(ex, 200, Map.of("mode", detached ? "detached" : "cluster", "items", items));
      return;
    }
    Map<String, Object> workload = parse(body);
    WorkloadView view = new WorkloadView(workload);
    if (workloads.containsKey(view.id())) {
      answer(ex, 409, Map.of("error", "workload " + view.id() + " exists"));
    } else if (invalid(ex, workload)) {
      return;
    } else {
      workloads.put(view.id(), withStatus(workload));
      answer(ex, 201, workloads.get(view.id()));
    }
  }

  private void one(HttpExchange ex, String method, String id, String body) throws IOException {
    switch (method) {
      case "GET" -> answer(ex, 200, workloads.get(id));
      case "DELETE" -> {
        workloads.remove(id);
        ex.sendResponseHeaders(204, -1);
        ex.close();
      }
      case "PUT" -> {
        Map<String, Object> workload = parse(body);
        if (!invalid(ex, workload)) {
          workloads.put(id, withStatus(workload));
          answer(ex, 200, workloads.get(id));
        }
      }
      default -> answer(ex, 405, Map.of("error", method + " not allowed"));
    }
  }

  private boolean invalid(HttpExchange ex, Map<String, Object> workload) throws IOException {
    Map<?, ?> spec = WorkloadView.map(workload.get("spec"));
    if ("Container".equals(spec.get("kind")) && spec.get("image") == null) {
      answer(
          ex,
          400,
          Map.of(
              "error",
              "the workload is invalid",
              "problems",
              List.of("spec.image: required for a Container")));
      return true;
    }
    return false;
  }

  private void console(HttpExchange ex, Map<String, Object> workload) throws IOException {
    WorkloadView view = new WorkloadView(workload);
    if (view.kind().equals("Container")) {
      answer(
          ex,
          409,
          Map.of(
              "error",
              "a Container has no console: kubectl logs deploy/"
                  + view.name()
                  + " -n "
                  + view.namespace()));
    } else if (detached) {
      answer(ex, 409, Map.of("error", "detached: no cluster, nothing runs"));
    } else {
      answer(
          ex,
          200,
          Map.of(
              "kind",
              "serial",
              "url",
              "wss://10.0.0.1:6443/apis/subresources"
                  + ".kubevirt.io/v1/namespaces/"
                  + view.namespace()
                  + "/virtualmachineinstances/"
                  + view.name()
                  + "/console"));
    }
  }

  private Map<String, Object> manifests(Map<String, Object> workload) {
    WorkloadView view = new WorkloadView(workload);
    Map<String, Object> metadata = Map.of("name", view.name(), "namespace", view.namespace());
    Object object =
        view.kind().equals("Container")
            ? Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata", metadata)
            : Map.of(
                "apiVersion", "kubevirt.io/v1", "kind", "VirtualMachine", "metadata", metadata);
    return Map.of("applied", !detached, "objects", List.of(object));
  }

  private Map<String, Object> withStatus(Map<String, Object> workload) {
    Map<String, Object> out = new LinkedHashMap<>(workload);
    Map<String, Object> metadata =
        new LinkedHashMap<>(WorkloadView.map(out.get("metadata")).size());
    WorkloadView.map(out.get("metadata")).forEach((k, v) -> metadata.put((String) k, v));
    metadata.putIfAbsent("namespace", "default");
    metadata.put("creationTimestamp", CREATED_AT);
    out.put("metadata", metadata);
    out.put(
        "status",
        Map.of(
            "phase",
            detached ? "Detached" : "Pending",
            "nodes",
            List.of("gw1"),
            "placement",
            PLACEMENT,
            "conditions",
            List.of(
                Map.of(
                    "type",
                    "Ready",
                    "status",
                    "False",
                    "reason",
                    detached ? "Detached" : "Applying",
                    "message",
                    detached ? "no Kubernetes cluster: nothing applied" : "applied"))));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String body) {
    return (Map<String, Object>) Json.parse(body);
  }

  private static void answer(HttpExchange ex, int code, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(code, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
