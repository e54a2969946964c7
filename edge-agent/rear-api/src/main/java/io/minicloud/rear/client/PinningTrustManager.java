package io.minicloud.rear.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, by its SHA-256 fingerprint. Being an {@link
 * X509ExtendedTrustManager}, it replaces JSSE's chain and hostname checks: a provider's self-signed
 * certificate rarely names the address a buyer dials, and the pin already names the certificate.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

  private final CertificatePin pin;

  PinningTrustManager(CertificatePin pin) {
    this.pin = pin;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    X509Certificate leaf = chain[0];
    if (!pin.matches(leaf)) {
      throw new CertificateException(
          "the server's certificate is "
              + CertificatePin.of(leaf)
              + ", not the pinned "
              + pin
              + "; if the provider's certificate changed, pin the new one");
    }
    // the validity period still applies: a pinned certificate that expired was retired
    leaf.checkValidity();
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a REAR client does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
