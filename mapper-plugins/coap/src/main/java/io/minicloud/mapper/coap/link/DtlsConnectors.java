package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.api.tls.PemFiles;
import io.minicloud.mapper.coap.config.DtlsCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;

/**
 * Builds Scandium's DTLS 1.2 client connector from credential files, read now (so a renewed key is
 * picked up at the next connect). Errors name the file, never a key.
 */
final class DtlsConnectors {
  private DtlsConnectors() {}

  static DTLSConnector client(DtlsCredentials credentials, Configuration config)
      throws IOException {
    DtlsConnectorConfig.Builder builder =
        DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress(0));
    if (credentials instanceof DtlsCredentials.Psk psk) {
      byte[] key = psk.encoding().read(psk.keyFile());
      try {
        builder.setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), key));
      } finally {
        // the store holds its own copy as a SecretKey
        Arrays.fill(key, (byte) 0);
      }
    } else if (credentials instanceof DtlsCredentials.X509 x509) {
      List<X509Certificate> chain = PemFiles.certificates(x509.certFile());
      PrivateKey key = PemFiles.privateKey(x509.keyFile());
      List<X509Certificate> cas = PemFiles.certificates(x509.caFile());
      builder.setCertificateIdentityProvider(
          new SingleCertificateProvider(key, chain.toArray(new X509Certificate[0])));
      builder.setAdvancedCertificateVerifier(
          StaticNewAdvancedCertificateVerifier.builder()
              .setTrustedCertificates(cas.toArray(new X509Certificate[0]))
              .build());
    } else if (credentials instanceof DtlsCredentials.RawPublicKey rpk) {
      PrivateKey key = PemFiles.privateKey(rpk.keyFile());
      PublicKey own = publicKey(rpk.publicKeyFile());
      PublicKey server = publicKey(rpk.serverKeyFile());
      builder.setCertificateIdentityProvider(new SingleCertificateProvider(key, own));
      builder.setAdvancedCertificateVerifier(
          StaticNewAdvancedCertificateVerifier.builder()
              .setTrustedRPKs(new RawPublicKeyIdentity(server))
              .build());
    }
    try {
      return new DTLSConnector(builder.build());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // e.g. a key type no cipher suite can use
      throw new IOException("cannot set up DTLS: " + e.getMessage(), e);
    }
  }

  /** A PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo), EC. */
  static PublicKey publicKey(Path file) throws IOException {
    // ISO-8859-1 never fails to decode: a binary file gets the "no PEM PUBLIC KEY" message
    String text =
        java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    int begin = text.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = text.indexOf("-----END PUBLIC KEY-----");
    if (begin < 0 || end < begin) {
      throw new IOException(file + " holds no PEM PUBLIC KEY");
    }
    String body = text.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end);
    try {
      byte[] der = Base64.getMimeDecoder().decode(body.strip());
      return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IOException(file + " is not an EC public key", e);
    }
  }
}
