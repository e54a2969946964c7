package io.minicloud.rear.client;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's (or a CA file's) trust manager, unchanged, except that a refused server certificate
 * carries its SHA-256 fingerprint: an operator can then compare it with the provider's and pin it,
 * instead of fishing it out with openssl.
 */
final class FingerprintingTrustManager extends X509ExtendedTrustManager {

  /** A server certificate the delegate refused, and its fingerprint. */
  static final class UntrustedException extends CertificateException {
    private static final long serialVersionUID = 1L;
    private final transient CertificatePin fingerprint;

    UntrustedException(CertificatePin fingerprint, CertificateException cause) {
      super(cause.getMessage(), cause);
      this.fingerprint = fingerprint;
    }

    CertificatePin fingerprint() {
      return fingerprint;
    }
  }

  private final X509ExtendedTrustManager delegate;

  FingerprintingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, engine);
    } catch (CertificateException e) {
      throw untrusted(chain, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      throw untrusted(chain, e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      throw untrusted(chain, e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private static CertificateException untrusted(X509Certificate[] chain, CertificateException e) {
    if (chain == null || chain.length == 0) {
      return e;
    }
    return new UntrustedException(CertificatePin.of(chain[0]), e);
  }
}
