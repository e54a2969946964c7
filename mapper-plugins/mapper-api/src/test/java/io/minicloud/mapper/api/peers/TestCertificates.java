package io.minicloud.mapper.api.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throw-away PKI made with the openssl CLI: a CA, a server certificate for 127.0.0.1/localhost,
 * and a client certificate; PEM for peers, PKCS#12 (password {@link #STORE_PASSWORD}) for Java.
 */
public record TestCertificates(Path dir) {
  public static final String STORE_PASSWORD = "changeit";
  public static final String CLIENT_IDENTITY = "bridge-client";

  public Path caCert() {
    return dir.resolve("ca.crt");
  }

  public Path serverCert() {
    return dir.resolve("server.crt");
  }

  public Path serverKey() {
    return dir.resolve("server.key");
  }

  public Path clientCert() {
    return dir.resolve("client.crt");
  }

  public Path clientKey() {
    return dir.resolve("client.key");
  }

  /** The client certificate and key as PKCS#12. */
  public Path clientP12() {
    return dir.resolve("client.p12");
  }

  /** The CA as a PKCS#12 trust store. */
  public Path trustP12() {
    return dir.resolve("trust.p12");
  }

  public static TestCertificates create(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    TestCertificates c = new TestCertificates(dir);
    if (Files.exists(c.clientP12())) {
      return c;
    }
    String days = "30";
    PeerProcess.run(
        dir,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
        "-days",
        days,
        "-subj",
        "/CN=minicloud-test-ca");
    Files.writeString(
        dir.resolve("server.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    for (String who : new String[] {"server", "client"}) {
      String cn = who.equals("server") ? "localhost" : CLIENT_IDENTITY;
      PeerProcess.run(
          dir,
          "openssl",
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-keyout",
          who + ".key",
          "-out",
          who + ".csr",
          "-subj",
          "/CN=" + cn);
      PeerProcess.run(
          dir,
          "openssl",
          "x509",
          "-req",
          "-in",
          who + ".csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-out",
          who + ".crt",
          "-days",
          days,
          "-extfile",
          who + ".ext");
    }
    PeerProcess.run(
        dir,
        "openssl",
        "pkcs12",
        "-export",
        "-in",
        "client.crt",
        "-inkey",
        "client.key",
        "-out",
        "client.p12",
        "-passout",
        "pass:" + STORE_PASSWORD);
    PeerProcess.run(
        dir,
        "keytool",
        "-importcert",
        "-noprompt",
        "-alias",
        "ca",
        "-file",
        "ca.crt",
        "-keystore",
        "trust.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        STORE_PASSWORD);
    return c;
  }
}
