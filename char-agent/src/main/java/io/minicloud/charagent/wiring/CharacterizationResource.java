package io.minicloud.charagent.wiring;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.output.CharacterizationJson;
import io.minicloud.charagent.output.CharacterizationTosca;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code GET /characterization?format=json|tosca} (ACCORDION's path). Without {@code format}, the
 * Accept header decides: a YAML media type gets TOSCA, anything else JSON.
 */
@Path("/characterization")
public class CharacterizationResource {

  static final String YAML = CharacterizationTosca.MEDIA_TYPE;
  static final String TEXT_YAML = "text/yaml";
  static final List<String> FORMATS = List.of("json", "tosca");

  private final CharacterizationService service;
  private final CharAgentOptions options;

  public CharacterizationResource(CharacterizationService service, CharAgentOptions options) {
    this.service = service;
    this.options = options;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, YAML, TEXT_YAML})
  @Operation(
      summary = "This gateway's characterization",
      description =
          "JSON (schema docs/api/characterization.schema.json, version 1.0) or TOSCA Simple"
              + " Profile in YAML 1.2. The agent characterizes in the background"
              + " (minicloud.char-agent.refresh) and serves the last result.")
  public Response get(
      @Parameter(description = "json or tosca; default from the Accept header, else json")
          @QueryParam("format")
          String format,
      @Parameter(
              description =
                  "characterize this directory instead of the configured root; only when"
                      + " minicloud.char-agent.allow-root-override is true")
          @QueryParam("root")
          String root,
      @Context HttpHeaders headers) {
    boolean tosca;
    if (format == null || format.isBlank()) {
      tosca = prefersYaml(headers.getAcceptableMediaTypes());
    } else if (FORMATS.contains(format)) {
      tosca = format.equals("tosca");
    } else {
      return error(
          Response.Status.BAD_REQUEST,
          "unknown format '" + clip(format) + "': use format=json or format=tosca");
    }
    Characterization c;
    if (root == null || root.isEmpty()) {
      c = service.last();
    } else if (!options.allowRootOverride()) {
      return error(
          Response.Status.FORBIDDEN,
          "this char-agent only characterizes its configured root "
              + options.root()
              + ": start it with minicloud.char-agent.allow-root-override=true to accept root=");
    } else {
      java.nio.file.Path dir = java.nio.file.Path.of(root);
      if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
        return error(
            Response.Status.BAD_REQUEST, "root '" + clip(root) + "' is not an absolute directory");
      }
      c = service.characterize(dir);
    }
    return tosca
        ? Response.ok(CharacterizationTosca.write(c), YAML).build()
        : Response.ok(CharacterizationJson.write(c), MediaType.APPLICATION_JSON).build();
  }

  /** The first acceptable type we can produce decides; a wildcard means JSON. */
  static boolean prefersYaml(List<MediaType> acceptable) {
    for (MediaType type : acceptable) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardSubtype()) {
        return false;
      }
      if (!type.isWildcardType()
          && !type.isWildcardSubtype()
          && (type.isCompatible(MediaType.valueOf(YAML))
              || type.isCompatible(MediaType.valueOf(TEXT_YAML)))) {
        return true;
      }
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        return false;
      }
    }
    return false;
  }

  private static Response error(Response.Status status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("accepted", Map.of("format", FORMATS));
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64) + "...";
  }
}
