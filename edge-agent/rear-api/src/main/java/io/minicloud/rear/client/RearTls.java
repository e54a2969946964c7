package io.minicloud.rear.client;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the client's {@link SSLContext} from its trust choice and optional client certificate. */
final class RearTls {

  private RearTls() {}

  /**
   * @throws IOException naming the file that cannot be read or used
   */
  static SSLContext context(RearTrust trust, ClientCertificate identity) throws IOException {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers(identity), trustManagers(trust), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(RearTrust trust)
      throws IOException, GeneralSecurityException {
    if (trust instanceof RearTrust.Pin pin) {
      return new TrustManager[] {new PinningTrustManager(pin.pin())};
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (trust instanceof RearTrust.CaFile ca) {
      KeyStore anchors = emptyStore();
      int i = 0;
      for (X509Certificate certificate : PemReader.certificates(ca.file())) {
        anchors.setCertificateEntry("ca-" + i++, certificate);
      }
      factory.init(anchors);
    } else {
      factory.init((KeyStore) null);
    }
    TrustManager[] managers = factory.getTrustManagers();
    for (int i = 0; i < managers.length; i++) {
      if (managers[i] instanceof X509ExtendedTrustManager x509) {
        managers[i] = new FingerprintingTrustManager(x509);
      }
    }
    return managers;
  }

  private static KeyManager[] keyManagers(ClientCertificate identity)
      throws IOException, GeneralSecurityException {
    if (identity == null) {
      return null;
    }
    List<X509Certificate> chain = PemReader.certificates(identity.certificateFile());
    PrivateKey key = PemReader.privateKey(identity.keyFile());
    // an in-memory store only: its password protects nothing, the key files are the secret
    char[] password = "in-memory".toCharArray();
    KeyStore store = emptyStore();
    store.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
