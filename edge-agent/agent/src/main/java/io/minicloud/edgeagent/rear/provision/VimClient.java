package io.minicloud.edgeagent.rear.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Set;

/**
 * minicloud-vim's provisioning API (docs/api/minicloud-vim-v1.md): provision, read credentials,
 * revoke. Answers that may change with time (unreachable, 5xx, 503 detached, 401 while the token
 * file is being set up, 429) are {@link VimUnavailable}; the others {@link VimRefused}. Response
 * bodies that carry a kubeconfig never reach a log or an exception message.
 */
public final class VimClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Integer> TRANSIENT = Set.of(401, 403, 408, 425, 429);

  private final VimSettings settings;
  private final HttpClient http;

  public VimClient(VimSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /** What the VIM says of a provision. */
  public record Provisioned(String namespace, String state) {}

  /** Provisions a contract (idempotent on the VIM's side); the kubeconfig it answers is dropped. */
  public Provisioned provision(ObjectNode request) throws VimUnavailable, VimRefused {
    JsonNode body =
        call(
            "POST",
            "/api/v1/provisions",
            HttpRequest.BodyPublishers.ofByteArray(bytes(request)),
            Set.of(200, 201));
    return new Provisioned(body.path("namespace").asText(), body.path("state").asText());
  }

  /** A freshly issued kubeconfig (base64 YAML) for a provisioned contract. A secret. */
  public String kubeconfig(String contractId) throws VimUnavailable, VimRefused {
    JsonNode body =
        call(
            "GET",
            "/api/v1/provisions/" + encode(contractId) + "?credentials=true",
            HttpRequest.BodyPublishers.noBody(),
            Set.of(200));
    String kubeconfig = body.path("kubeconfig").asText("");
    if (kubeconfig.isEmpty()) {
      throw new VimUnavailable("minicloud-vim answered no kubeconfig for " + contractId);
    }
    return kubeconfig;
  }

  /** Revokes a contract's provision; one the VIM never made (404) counts as revoked. */
  public void revoke(String contractId) throws VimUnavailable, VimRefused {
    call(
        "DELETE",
        "/api/v1/provisions/" + encode(contractId),
        HttpRequest.BodyPublishers.noBody(),
        Set.of(204, 200, 404));
  }

  private JsonNode call(String method, String path, HttpRequest.BodyPublisher body, Set<Integer> ok)
      throws VimUnavailable, VimRefused {
    String token = token();
    URI uri = URI.create(settings.url().toString().replaceAll("/+$", "") + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.timeout())
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(method, body)
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new VimUnavailable("minicloud-vim at " + settings.url() + " is unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VimUnavailable("interrupted while calling minicloud-vim");
    }
    int status = response.statusCode();
    if (ok.contains(status)) {
      return parse(response.body());
    }
    // an error body is {"error": ...}: safe to quote (the VIM never puts a secret in one)
    String error =
        method
            + " "
            + path.replaceAll("\\?.*", "")
            + " answered "
            + status
            + ": "
            + error(response.body());
    if (status >= 500 || TRANSIENT.contains(status)) {
      throw new VimUnavailable(error);
    }
    throw new VimRefused(status, error);
  }

  private String token() throws VimUnavailable {
    try {
      String token = Files.readString(settings.tokenFile(), StandardCharsets.US_ASCII).strip();
      if (token.isEmpty()) {
        throw new VimUnavailable(
            "the provisioning token file " + settings.tokenFile() + " is empty");
      }
      return token;
    } catch (NoSuchFileException e) {
      throw new VimUnavailable(
          "no provisioning token at "
              + settings.tokenFile()
              + " (minicloud-vim makes it when it starts)");
    } catch (IOException e) {
      throw new VimUnavailable("cannot read " + settings.tokenFile() + ": " + e.getMessage());
    }
  }

  private static JsonNode parse(byte[] body) throws VimUnavailable {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new VimUnavailable("minicloud-vim answered something that is not JSON");
    }
  }

  private static String error(byte[] body) {
    try {
      String message = JSON.readTree(body).path("error").asText("");
      return message.isEmpty()
          ? "(no error message)"
          : message.length() > 300 ? message.substring(0, 300) : message;
    } catch (IOException | RuntimeException e) {
      return "(no JSON error body)";
    }
  }

  private static byte[] bytes(ObjectNode request) {
    try {
      return JSON.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new IllegalStateException("a provisioning request does not serialise", e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
