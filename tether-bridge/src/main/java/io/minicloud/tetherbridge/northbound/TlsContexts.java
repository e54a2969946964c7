package io.minicloud.tetherbridge.northbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Builds the TLS socket factory for the broker connection from {@link TlsOptions}. */
final class TlsContexts {
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private TlsContexts() {}

  /**
   * @throws IllegalArgumentException naming the file and what is wrong with it, never a password
   */
  static SSLSocketFactory socketFactory(TlsOptions options) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(options.caFile() == null ? null : trustStore(options.caFile()));
      KeyManagerFactory keys = null;
      if (options.hasClientIdentity()) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        // the PEM key only ever lives in this in-memory store, so its password protects nothing
        char[] password = IN_MEMORY.clone();
        KeyStore store;
        if (options.keyStoreFile() != null) {
          password =
              options.keyStorePassword() == null ? new char[0] : options.keyStorePassword().chars();
          store = pkcs12(options.keyStoreFile(), password);
        } else {
          store = pemIdentity(options.clientCertFile(), options.clientKeyFile());
        }
        keys.init(store, password);
      }
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return new TlsSocketFactory(context.getSocketFactory());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS setup for the northbound broker failed: " + e, e);
    }
  }

  private static KeyStore trustStore(Path caFile) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    int i = 0;
    for (X509Certificate ca : PemFiles.certificates(caFile)) {
      store.setCertificateEntry("ca-" + i++, ca);
    }
    return store;
  }

  private static KeyStore pemIdentity(Path certFile, Path keyFile)
      throws IOException, GeneralSecurityException {
    PrivateKey key = PemFiles.privateKey(keyFile);
    List<X509Certificate> chain = PemFiles.certificates(certFile);
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
    return store;
  }

  private static KeyStore pkcs12(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    } catch (IOException e) {
      // a wrong password shows up as an IOException with an UnrecoverableKeyException cause
      throw new IOException("cannot read PKCS#12 key store " + file + ": " + e.getMessage(), e);
    }
    return store;
  }
}
