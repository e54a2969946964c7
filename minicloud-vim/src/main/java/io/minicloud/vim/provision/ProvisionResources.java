package io.minicloud.vim.provision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every name, label and annotation derived from a provision, in one place (shared/STYLE.md §7): the
 * model, the applier, the revocation and the tests all ask here.
 */
public final class ProvisionResources {

  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY = "minicloud-vim";

  /** Marks a namespace as a REAR purchase's (what revocation may delete, and nothing else). */
  public static final String PROVISION_LABEL = "minicloud.io/provision";

  public static final String PROVISION = "rear";
  public static final String CONTRACT_LABEL = "minicloud.io/contract";
  public static final String BUYER_LABEL = "minicloud.io/buyer";
  public static final String FLAVOR_LABEL = "minicloud.io/flavor-type";

  /** The full contract id and buyer id (labels are limited to 63 characters; these are not). */
  public static final String CONTRACT_ANNOTATION = "minicloud.io/contract-id";

  public static final String BUYER_ANNOTATION = "minicloud.io/buyer-id";
  public static final String EXPIRES_ANNOTATION = "minicloud.io/expires-at";

  /** Every tenant object's name inside the namespace: the namespace says whose it is. */
  public static final String TENANT = "rear-tenant";

  /** The VM of a VM contract. */
  public static final String VM_NAME = "vm";

  private static final int HASH_CHARS = 10;
  private static final int LABEL_MAX = 63;

  private ProvisionResources() {}

  /**
   * {@code rear-<short contract id>}: a DNS-1123 label of at most 63 characters, the same for the
   * same contract, different for different contracts (the tail is a hash of the full id, so two
   * long ids sharing a prefix still differ).
   */
  public static String namespace(String contractId) {
    String readable = sanitize(contractId.replaceFirst("^contract-", ""));
    int room = LABEL_MAX - "rear-".length() - 1 - HASH_CHARS;
    if (readable.length() > room) {
      readable = trimDashes(readable.substring(0, room));
    }
    String hash = hash(contractId);
    return readable.isEmpty() ? "rear-" + hash : "rear-" + readable + "-" + hash;
  }

  /** The short contract id as a label value (the namespace name without {@code rear-}). */
  public static String contractLabel(String contractId) {
    return namespace(contractId).substring("rear-".length());
  }

  public static String serviceAccount() {
    return TENANT;
  }

  public static String role() {
    return TENANT;
  }

  public static String roleBinding() {
    return TENANT;
  }

  public static String resourceQuota() {
    return TENANT;
  }

  public static String limitRange() {
    return TENANT;
  }

  /** Labels on the namespace and every object inside it. */
  public static Map<String, String> labels(ProvisionRequest request) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    labels.put(PROVISION_LABEL, PROVISION);
    labels.put(CONTRACT_LABEL, contractLabel(request.contractId()));
    String buyer = trimDashes(sanitize(request.buyerId()));
    labels.put(
        BUYER_LABEL,
        buyer.length() > LABEL_MAX ? trimDashes(buyer.substring(0, LABEL_MAX)) : buyer);
    labels.put(FLAVOR_LABEL, request.flavorType().name().toLowerCase(Locale.ROOT));
    return labels;
  }

  /** The full ids and the expiry, on the namespace. */
  public static Map<String, String> annotations(ProvisionRequest request) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put(CONTRACT_ANNOTATION, request.contractId());
    annotations.put(BUYER_ANNOTATION, request.buyerId());
    annotations.put(EXPIRES_ANNOTATION, request.expiresAt().toString());
    return annotations;
  }

  private static String sanitize(String s) {
    return trimDashes(s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-"));
  }

  private static String trimDashes(String s) {
    return s.replaceAll("^-+|-+$", "");
  }

  private static String hash(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
