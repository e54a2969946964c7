package io.minicloud.edgeagent.rear.auth;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The REAR listener's certificate when the operator configures none: a self-signed P-256
 * certificate made on first start and kept in the data directory (key 0600), named for this node,
 * {@code localhost} and the given hosts. Buyers pin it by the SHA-256 fingerprint the agent logs.
 */
public final class SelfSignedCertificate {

  private SelfSignedCertificate() {}

  /** Makes {@code cert}/{@code key} unless both exist; returns the certificate's fingerprint. */
  public static String ensure(Path cert, Path key, String commonName, List<String> hosts)
      throws IOException, GeneralSecurityException {
    if (!Files.exists(cert) || !Files.exists(key)) {
      generate(cert, key, commonName, hosts);
    }
    return fingerprint(cert);
  }

  /** {@code sha256:<hex>} of the DER certificate, what a buyer pins. */
  public static String fingerprint(Path cert) throws IOException, GeneralSecurityException {
    try (var in = Files.newInputStream(cert)) {
      X509Certificate x509 =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      return "sha256:"
          + HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
    }
  }

  private static void generate(Path cert, Path key, String commonName, List<String> hosts)
      throws IOException, GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    List<GeneralName> names = new ArrayList<>();
    names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    for (String host : hosts) {
      boolean ip = host.matches("[0-9.]+") || host.contains(":");
      names.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host));
    }
    Instant now = Instant.now();
    X500Name subject =
        new X500Name(
            "CN=" + commonName.replaceAll("[,=+<>#;\"\\\\]", "-") + ",O=Minicloud Edge REAR");
    try {
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(64, new SecureRandom()),
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(Duration.ofDays(3650))),
                  subject,
                  pair.getPublic())
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(names.toArray(GeneralName[]::new)))
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      io.minicloud.edgeagent.rear.PrivateFiles.writeKey(key, pair.getPrivate());
      Files.writeString(cert, pem(holder));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign the REAR certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(out)) {
      w.writeObject(o);
    }
    return out.toString();
  }

  /** The machine's host name, for the certificate's names; {@code localhost} when unknown. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
