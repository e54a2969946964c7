package io.minicloud.vim.peers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.HexFormat;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The throw-away files one kube-apiserver run needs, written with the JDK alone: the admin's bearer
 * token in a token auth file, and the service-account signing key pair (kube-apiserver 1.20 reads
 * PKCS#8 {@code PRIVATE KEY} and X.509 {@code PUBLIC KEY} PEM). The serving certificate is the one
 * kube-apiserver makes itself in {@code --cert-dir}: a self-signed CA and a cert for 127.0.0.1 and
 * localhost, which {@link #trust} turns into the client's trust anchors.
 */
final class KubeApiServerFiles {

  /** The admin user: in system:masters, so RBAC lets it do anything without any binding. */
  static final String ADMIN_USER = "minicloud-admin";

  final Path tokenFile;
  final Path serviceAccountPrivateKey;
  final Path serviceAccountPublicKey;
  final Path certDir;
  final String adminToken;

  private KubeApiServerFiles(Path dir, String adminToken) {
    this.tokenFile = dir.resolve("tokens.csv");
    this.serviceAccountPrivateKey = dir.resolve("service-account.key");
    this.serviceAccountPublicKey = dir.resolve("service-account.pub");
    this.certDir = dir.resolve("certs");
    this.adminToken = adminToken;
  }

  static KubeApiServerFiles writeInto(Path dir) throws IOException {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    KubeApiServerFiles files = new KubeApiServerFiles(dir, HexFormat.of().formatHex(random));
    // token,user,uid,"groups"
    writePrivate(
        files.tokenFile,
        files.adminToken + "," + ADMIN_USER + "," + ADMIN_USER + ",\"system:masters\"\n");
    KeyPair keys = rsaKeyPair();
    writePrivate(
        files.serviceAccountPrivateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    Files.writeString(
        files.serviceAccountPublicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    Files.createDirectories(files.certDir);
    return files;
  }

  /** kube-apiserver's serving certificate chain (leaf and its self-signed CA), once written. */
  Path servingCertificate() {
    return certDir.resolve("apiserver.crt");
  }

  /** An SSL context trusting exactly the certificates in a PEM bundle. */
  static SSLContext trust(String pemBundle) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate certificate :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(pemBundle.getBytes(StandardCharsets.US_ASCII)))) {
      store.setCertificateEntry("kube-apiserver-" + i++, certificate);
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static KeyPair rsaKeyPair() throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make the service-account signing key", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** Readable by the owner only: the token file and the signing key are secrets. */
  private static void writePrivate(Path file, String content) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, content);
  }
}
