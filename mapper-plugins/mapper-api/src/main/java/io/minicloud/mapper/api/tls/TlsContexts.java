package io.minicloud.mapper.api.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds a TLS client's socket factory from files. The files are read on each call, so a caller
 * that calls again per connect picks up a renewed certificate from the next connect on.
 */
public final class TlsContexts {
  /** A PEM key only ever lives in an in-memory store, so this password protects nothing. */
  private static final char[] IN_MEMORY = "in-memory".toCharArray();

  private TlsContexts() {}

  /**
   * Sockets that speak TLS 1.2 or 1.3 only and verify the server's host name ({@link
   * TlsSocketFactory}).
   *
   * @param caFile PEM CA bundle to trust; empty for the JVM's default trust store
   * @param identity the client certificate for mutual TLS; empty for none
   * @throws IOException naming the file that cannot be used and why, never a password
   */
  public static SSLSocketFactory socketFactory(
      Optional<Path> caFile, Optional<ClientIdentity> identity) throws IOException {
    return new TlsSocketFactory(sslContext(caFile, identity).getSocketFactory());
  }

  /**
   * The context behind {@link #socketFactory}, for a caller that needs more than sockets.
   *
   * @throws IOException naming the file that cannot be used and why, never a password
   */
  public static SSLContext sslContext(Optional<Path> caFile, Optional<ClientIdentity> identity)
      throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(identity), trustManagers(caFile), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** Null means the JVM's default trust store. */
  private static TrustManager[] trustManagers(Optional<Path> caFile)
      throws IOException, GeneralSecurityException {
    if (caFile.isEmpty()) {
      return null;
    }
    KeyStore trust = emptyStore();
    List<X509Certificate> cas = PemFiles.certificates(caFile.get());
    for (int i = 0; i < cas.size(); i++) {
      trust.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    return factory.getTrustManagers();
  }

  /** Null means no client certificate. */
  private static KeyManager[] keyManagers(Optional<ClientIdentity> identity)
      throws IOException, GeneralSecurityException {
    if (identity.isEmpty()) {
      return null;
    }
    char[] password;
    KeyStore keys;
    if (identity.get() instanceof ClientIdentity.Pkcs12KeyStore store) {
      password = store.password().map(Secret::chars).orElse(new char[0]);
      keys = pkcs12(store.file(), password);
    } else if (identity.get() instanceof ClientIdentity.PemCertificateAndKey pem) {
      password = IN_MEMORY.clone();
      keys = emptyStore();
      // the key first: its errors (encrypted, wrong format) are the ones people need to see
      keys.setKeyEntry(
          "client",
          PemFiles.privateKey(pem.keyFile()),
          password,
          PemFiles.certificates(pem.certificateFile()).toArray(new X509Certificate[0]));
    } else {
      throw new IllegalStateException("unknown client identity " + identity.get());
    }
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, password);
      return factory.getKeyManagers();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static KeyStore pkcs12(Path file, char[] password) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      // a wrong password shows as an IOException ("keystore password was incorrect"), no secret
      throw new IOException("cannot read PKCS#12 key store " + file + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
