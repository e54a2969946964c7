package io.minicloud.vim.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The boundary of {@code POST /api/v1/provisions}: JSON in, a validated {@link ProvisionRequest}
 * out, or every problem, each naming its field. Nothing is trusted: ids become Kubernetes names and
 * SQL keys, quantities become a quota.
 */
public final class ProvisionRequestParser {

  public static final int MAX_BODY_BYTES = 64 * 1024;

  /** REAR contract ids are DNS-1123 subdomains (a Go consumer makes objects named after them). */
  public static final Pattern CONTRACT_ID =
      Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");

  public static final Pattern BUYER_ID =
      Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$");
  private static final Pattern IMAGE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,511}$");
  private static final Set<String> FIELDS =
      Set.of("contractId", "buyerId", "flavorType", "resources", "expiresAt", "vm");
  private static final Set<String> RESOURCE_FIELDS =
      Set.of("cpu", "memory", "pods", "storage", "gpu");
  private static final Set<String> VM_FIELDS = Set.of("image", "cloudInitUserData");
  private static final BigDecimal MAX_CPU = BigDecimal.valueOf(1024);
  private static final BigDecimal MAX_MEMORY = BigDecimal.valueOf(1L << 46); // 64 Ti
  private static final BigDecimal MAX_STORAGE = BigDecimal.valueOf(1L << 50); // 1 Pi
  private static final BigDecimal MAX_PODS = BigDecimal.valueOf(10_000);
  private static final BigDecimal MAX_GPU = BigDecimal.valueOf(64);
  private static final Duration MAX_TERM = Duration.ofDays(3660);

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
  }

  private final Clock clock;

  public ProvisionRequestParser(Clock clock) {
    this.clock = clock;
  }

  public ProvisionRequest parse(byte[] body) throws InvalidProvisionRequest {
    if (body == null || body.length == 0) {
      throw new InvalidProvisionRequest(List.of("body: a JSON object is required"));
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new InvalidProvisionRequest(List.of("body: larger than " + MAX_BODY_BYTES + " bytes"));
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new InvalidProvisionRequest(
          List.of(
              "body: malformed JSON"
                  + (where == null
                      ? ""
                      : " at line " + where.getLineNr() + ", column " + where.getColumnNr())));
    } catch (java.io.IOException e) {
      throw new InvalidProvisionRequest(List.of("body: unreadable"));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidProvisionRequest(List.of("body: must be a JSON object"));
    }
    List<String> problems = new ArrayList<>();
    unknownFields(root, FIELDS, "", problems);
    String contractId =
        id(
            root,
            "contractId",
            CONTRACT_ID,
            "a DNS-1123 subdomain (lower case letters, digits, '-' and '.')",
            problems);
    String buyerId = id(root, "buyerId", BUYER_ID, "letters, digits, '.', '_' and '-'", problems);
    FlavorKind kind = null;
    String type = text(root, "flavorType", problems);
    if (type != null) {
      kind = FlavorKind.parse(type);
      if (kind == null) {
        problems.add("flavorType: '" + Quantities.printable(type) + "' is not K8Slice or VM");
      }
    }
    SliceResources resources = resources(root.get("resources"), kind, problems);
    Instant expiresAt = expiry(root, problems);
    VmSpec vm = vm(root.get("vm"), kind, problems);
    if (!problems.isEmpty()) {
      throw new InvalidProvisionRequest(problems);
    }
    return new ProvisionRequest(contractId, buyerId, kind, resources, expiresAt, vm);
  }

  /** Checks an id taken from a path (GET, DELETE): the same rule as in the body. */
  public static void checkContractId(String contractId) throws InvalidProvisionRequest {
    if (contractId == null || !CONTRACT_ID.matcher(contractId).matches()) {
      throw new InvalidProvisionRequest(
          List.of(
              "contractId: '"
                  + Quantities.printable(contractId == null ? "" : contractId)
                  + "' is not a DNS-1123 subdomain of at most 253 characters"));
    }
  }

  private static String text(JsonNode root, String field, List<String> problems) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      problems.add(field + ": required");
      return null;
    }
    if (!n.isTextual()) {
      problems.add(field + ": must be a string");
      return null;
    }
    return n.asText();
  }

  private static String id(
      JsonNode root, String field, Pattern p, String rule, List<String> problems) {
    String v = text(root, field, problems);
    if (v != null && !p.matcher(v).matches()) {
      problems.add(
          field
              + ": '"
              + Quantities.printable(v)
              + "' is not valid: at most 253 characters, "
              + rule);
      return null;
    }
    return v;
  }

  private static SliceResources resources(JsonNode n, FlavorKind kind, List<String> problems) {
    if (n == null || n.isNull()) {
      problems.add("resources: required");
      return null;
    }
    if (!n.isObject()) {
      problems.add("resources: must be an object");
      return null;
    }
    unknownFields(n, RESOURCE_FIELDS, "resources.", problems);
    Quantity cpu = quantity(n, "cpu", MAX_CPU, true, problems);
    Quantity memory = quantity(n, "memory", MAX_MEMORY, true, problems);
    // a VM's quota counts its launcher pods itself; a slice must say how many pods it bought
    Quantity pods = quantity(n, "pods", MAX_PODS, kind != FlavorKind.VM, problems);
    Quantity storage = quantity(n, "storage", MAX_STORAGE, false, problems);
    Quantity gpu = quantity(n, "gpu", MAX_GPU, false, problems);
    positive("cpu", cpu, problems);
    positive("memory", memory, problems);
    if (kind != FlavorKind.VM) {
      positive("pods", pods, problems);
    }
    whole("pods", pods, problems);
    whole("gpu", gpu, problems);
    return new SliceResources(cpu, memory, pods == null ? SliceResources.ZERO : pods, storage, gpu);
  }

  private static Quantity quantity(
      JsonNode n, String field, BigDecimal max, boolean required, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add("resources." + field + ": required");
      }
      return null;
    }
    String text = v.isNumber() ? v.asText() : v.isTextual() ? v.asText() : null;
    if (text == null) {
      problems.add("resources." + field + ": must be a quantity string such as \"2\" or \"4Gi\"");
      return null;
    }
    try {
      return Quantities.parse(text, max);
    } catch (IllegalArgumentException e) {
      problems.add("resources." + field + ": " + e.getMessage());
      return null;
    }
  }

  private static void positive(String field, Quantity q, List<String> problems) {
    if (q != null && q.getNumericalAmount().signum() <= 0) {
      problems.add("resources." + field + ": must be more than zero");
    }
  }

  private static void whole(String field, Quantity q, List<String> problems) {
    if (q != null && !Quantities.isWhole(q)) {
      problems.add("resources." + field + ": must be a whole number, not " + q);
    }
  }

  private Instant expiry(JsonNode root, List<String> problems) {
    String v = text(root, "expiresAt", problems);
    if (v == null) {
      return null;
    }
    Instant at;
    try {
      at = Instant.parse(v);
    } catch (DateTimeParseException e) {
      problems.add(
          "expiresAt: '"
              + Quantities.printable(v)
              + "' is not an RFC 3339 UTC time (2027-01-31T12:00:00Z)");
      return null;
    }
    Instant now = clock.instant();
    if (!at.isAfter(now)) {
      problems.add("expiresAt: " + at + " has already passed");
    } else if (at.isAfter(now.plus(MAX_TERM))) {
      problems.add("expiresAt: " + at + " is more than ten years away");
    }
    return at;
  }

  private static VmSpec vm(JsonNode n, FlavorKind kind, List<String> problems) {
    boolean given = n != null && !n.isNull();
    if (kind == FlavorKind.K8Slice && given) {
      problems.add("vm: only a VM contract carries a VM spec");
      return null;
    }
    if (kind != FlavorKind.VM) {
      return null;
    }
    if (!given || !n.isObject()) {
      problems.add("vm: required for a VM contract (an object with image)");
      return null;
    }
    unknownFields(n, VM_FIELDS, "vm.", problems);
    String image = text(n, "image", new ArrayList<>());
    if (image == null || !IMAGE.matcher(image).matches()) {
      problems.add("vm.image: required, a container image reference of at most 512 characters");
      image = null;
    }
    JsonNode ud = n.get("cloudInitUserData");
    String userData = null;
    if (ud != null && !ud.isNull()) {
      if (!ud.isTextual() || ud.asText().getBytes(StandardCharsets.UTF_8).length > 32 * 1024) {
        problems.add("vm.cloudInitUserData: must be a string of at most 32 KiB");
      } else {
        userData = ud.asText();
      }
    }
    return new VmSpec(image, userData);
  }

  private static void unknownFields(
      JsonNode n, Set<String> known, String prefix, List<String> problems) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problems.add(prefix + Quantities.printable(f) + ": unknown field");
      }
    }
  }
}
