package io.minicloud.rear.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate made by the JDK's {@code keytool} (EC P-256, valid 2 days, SAN
 * 127.0.0.1 and localhost), with its certificate and PKCS#8 key also written as PEM files.
 */
public record TestPki(
    Path keystore, X509Certificate certificate, Path certificatePem, Path keyPem) {

  private static final char[] PASSWORD = "test-only".toCharArray();

  public static TestPki generate(Path dir, String name)
      throws IOException, GeneralSecurityException {
    return generate(dir, name, "ip:127.0.0.1,dns:localhost");
  }

  /**
   * @param subjectAltNames keytool's SAN list, e.g. {@code dns:other.example}
   */
  public static TestPki generate(Path dir, String name, String subjectAltNames)
      throws IOException, GeneralSecurityException {
    Path keystore = dir.resolve(name + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-noprompt",
                "-alias",
                name,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=" + subjectAltNames,
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-keypass",
                new String(PASSWORD))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for keytool", e);
    }
    KeyStore store = load(keystore);
    X509Certificate certificate = (X509Certificate) store.getCertificate(name);
    PrivateKey key = (PrivateKey) store.getKey(name, PASSWORD);
    Path certificatePem = dir.resolve(name + ".pem");
    Path keyPem = dir.resolve(name + ".key");
    Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));
    return new TestPki(keystore, certificate, certificatePem, keyPem);
  }

  /** A server context presenting this certificate and trusting {@code clients} (may be none). */
  public SSLContext serverContext(List<X509Certificate> clients)
      throws IOException, GeneralSecurityException {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(keystore), PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    if (clients.isEmpty()) {
      context.init(keys.getKeyManagers(), null, null);
      return context;
    }
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    for (int i = 0; i < clients.size(); i++) {
      anchors.setCertificateEntry("client-" + i, clients.get(i));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  private static KeyStore load(Path keystore) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
