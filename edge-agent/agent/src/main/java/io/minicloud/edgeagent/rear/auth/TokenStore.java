package io.minicloud.edgeagent.rear.auth;

import io.minicloud.edgeagent.rear.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens for REAR callers: a file of {@code <name> sha256:<hex>} lines, so the agent never
 * holds a token in clear. With no file, one is made with a token for the local operator, written
 * once to a separate 0600 file for the CLI ({@code minicloud flavors --token-file}).
 */
public final class TokenStore {

  private final Map<String, byte[]> hashes;

  private TokenStore(Map<String, byte[]> hashes) {
    this.hashes = hashes;
  }

  /**
   * Loads {@code file}; when it does not exist, creates it with a new token named {@code operator}
   * whose clear text goes to {@code operatorToken}.
   */
  public static TokenStore loadOrCreate(Path file, Path operatorToken) throws IOException {
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String token = "mcr_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      PrivateFiles.write(operatorToken, token + "\n");
      PrivateFiles.write(
          file,
          "# REAR bearer tokens: <name> sha256:<hex of SHA-256(token)>\noperator sha256:"
              + HexFormat.of().formatHex(sha256(token))
              + "\n");
    }
    Map<String, byte[]> hashes = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file)) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] parts = t.split("\\s+");
      if (parts.length != 2 || !parts[1].startsWith("sha256:") || parts[1].length() != 71) {
        throw new IOException(file + ":" + lineNo + ": expected '<name> sha256:<64 hex digits>'");
      }
      hashes.put(parts[0], HexFormat.of().parseHex(parts[1].substring(7)));
    }
    return new TokenStore(hashes);
  }

  /** The token's name when it is known; compares digests in constant time. */
  public Optional<String> authenticate(String token) {
    if (token == null || token.isEmpty() || token.length() > 512) {
      return Optional.empty();
    }
    byte[] digest = sha256(token);
    String found = null;
    for (Map.Entry<String, byte[]> e : hashes.entrySet()) {
      if (MessageDigest.isEqual(digest, e.getValue())) {
        found = e.getKey();
      }
    }
    return Optional.ofNullable(found);
  }

  public int size() {
    return hashes.size();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
