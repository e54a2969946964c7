package io.minicloud.mapper.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS socket factory for an {@code ssl://} broker from {@link TlsSettings}. Files are
 * read on every connect, so a renewed certificate is used from the next reconnect on. Host names
 * are verified by Paho (HTTPS endpoint identification), against the broker URI's host.
 */
final class TlsContexts {
  private TlsContexts() {}

  /**
   * @throws IOException naming the file that cannot be used (never a password)
   */
  static SSLSocketFactory socketFactory(TlsSettings tls) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(tls), trustManagers(tls), new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Null means the JVM's default trust store. */
  private static TrustManager[] trustManagers(TlsSettings tls)
      throws IOException, GeneralSecurityException {
    if (tls.caFile().isEmpty()) {
      return null;
    }
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    List<X509Certificate> cas = PemFiles.certificates(tls.caFile().get());
    for (int i = 0; i < cas.size(); i++) {
      trust.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return factory.getTrustManagers();
  }

  /** Null means no client certificate. */
  private static KeyManager[] keyManagers(TlsSettings tls)
      throws IOException, GeneralSecurityException {
    KeyStore keys;
    char[] password;
    if (tls.keyStore().isPresent()) {
      Path file = tls.keyStore().get();
      password = tls.keyStorePassword().map(s -> s.reveal().toCharArray()).orElse(new char[0]);
      keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keys.load(in, password);
      } catch (IOException | GeneralSecurityException e) {
        // PKCS12 reports a wrong password as an IOException whose text names no secret
        throw new IOException("cannot read keyStore " + file + ": " + e.getMessage(), e);
      }
    } else if (tls.clientCertFile().isPresent() && tls.clientKeyFile().isPresent()) {
      // an in-memory store needs some password; it never leaves this method
      password = new char[] {'x'};
      keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      List<X509Certificate> chain = PemFiles.certificates(tls.clientCertFile().get());
      keys.setKeyEntry(
          "client",
          PemFiles.privateKey(tls.clientKeyFile().get()),
          password,
          chain.toArray(new Certificate[0]));
    } else {
      return null;
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, password);
    return factory.getKeyManagers();
  }
}
