package io.minicloud.vim.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token that guards {@code /api/v1/provisions}: generated once into {@code
 * <data-dir>/provisioning-token} (0600, the edge-agent reads it), checked in constant time. Only
 * the token's SHA-256 stays in memory.
 */
public final class ProvisioningToken {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] digest;

  private ProvisioningToken(String token) {
    this.digest = sha256(token);
  }

  /** Reads the token file, or makes it (32 random bytes, base64url) when there is none. */
  public static ProvisioningToken loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (token.length() < 16) {
        throw new IOException(
            "the provisioning token in " + file + " is shorter than 16 characters");
      }
      return new ProvisioningToken(token);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return new ProvisioningToken(token);
  }

  /** Whether an {@code Authorization} header carries this token (constant time in its content). */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorizationHeader.substring(7).strip()));
  }

  @Override
  public String toString() {
    return "ProvisioningToken[redacted]";
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
