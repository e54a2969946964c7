package io.minicloud.mapper.api.tls;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The openssl-made test PKI ({@link TestCertificates}), made once per test run under {@code
 * target/}; a test that needs it is skipped where openssl is not installed.
 */
final class OpensslPki {
  private static TestCertificates made;

  private OpensslPki() {}

  static synchronized TestCertificates certificates() throws Exception {
    assumeTrue(PeerProcess.onPath("openssl"), "openssl is not installed");
    if (made == null) {
      // absolute: openssl runs in the PKI directory, where a relative path would not resolve
      Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
      made = TestCertificates.create(Files.createTempDirectory(target, "tls-pki-"));
    }
    return made;
  }

  /** {@code file}'s key rewritten by openssl in the traditional PKCS#1 form. */
  static Path pkcs1Copy(Path key, Path dir) throws Exception {
    Path pkcs1 = dir.resolve("pkcs1.key");
    PeerProcess.run(
        dir, "openssl", "rsa", "-in", key.toString(), "-out", pkcs1.toString(), "-traditional");
    return pkcs1;
  }
}
