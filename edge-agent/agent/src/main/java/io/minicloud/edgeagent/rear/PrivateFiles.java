package io.minicloud.edgeagent.rear;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.util.Base64;

/**
 * Writes the provider's secrets (tokens, keys): created 0600 before any byte is written, then moved
 * into place atomically, so no reader ever sees a partial or world-readable file.
 */
public final class PrivateFiles {

  private PrivateFiles() {}

  public static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    // synced: a lost signing key would leave every contract signed with it unverifiable
    Files.writeString(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A private key as PKCS#8 PEM ("PRIVATE KEY"): what both the JDK and Vert.x read for EC. */
  public static void writeKey(Path file, PrivateKey key) throws IOException {
    write(
        file,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
  }
}
