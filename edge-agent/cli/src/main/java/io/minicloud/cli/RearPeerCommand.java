package io.minicloud.cli;

import io.minicloud.rear.client.BearerToken;
import io.minicloud.rear.client.CertificatePin;
import io.minicloud.rear.client.ClientCertificate;
import io.minicloud.rear.client.RearClient;
import io.minicloud.rear.client.RearClientOptions;
import io.minicloud.rear.client.RearException;
import io.minicloud.rear.client.RearTrust;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every REAR command shares (which provider, how to trust it, how to authenticate) and
 * the client they build. Subclasses do one call each; a {@link RearException} becomes one line on
 * stderr and exit 1, a bad option exit 2.
 */
abstract class RearPeerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--peer",
      required = true,
      paramLabel = "HOST:PORT|URL",
      description =
          "The provider: https://host:port, http://host:port (a stock FLUIDOS node), or"
              + " host[:port] for HTTPS (port 8443 when left out).")
  String peer;

  @Option(
      names = "--insecure-plain-http",
      description = "Speak plain HTTP to a host:port peer (implied by an http:// URL).")
  boolean plainHttp;

  @Option(names = "--token-file", paramLabel = "FILE", description = "Bearer token (first line).")
  Path tokenFile;

  @Option(
      names = "--allow-token-over-http",
      description = "Send --token-file's token over plain HTTP too (anyone on the path reads it).")
  boolean allowTokenOverHttp;

  @Option(
      names = "--ca-file",
      paramLabel = "FILE",
      description = "Trust only the PEM CA certificates in FILE (hostname checked).")
  Path caFile;

  @Option(
      names = "--pin",
      paramLabel = "sha256:HEX",
      description = "Trust exactly the server certificate with this SHA-256 (of its DER form).")
  String pin;

  @Option(names = "--client-cert", paramLabel = "FILE", description = "PEM client certificate.")
  Path clientCert;

  @Option(
      names = "--client-key",
      paramLabel = "FILE",
      description = "PEM client key (unencrypted PKCS#8).")
  Path clientKey;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "30000",
      description = "Deadline for each call (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  /** The buyer's Liqo cluster id, for the commands that send it (reserve, purchase). */
  static final class LiqoIdOptions {
    @Option(
        names = "--liqo-cluster-id",
        paramLabel = "ID",
        description = "Our Liqo cluster id (default: the one in --liqo-cluster-id-file).")
    String liqoClusterId;

    @Option(
        names = "--liqo-cluster-id-file",
        paramLabel = "FILE",
        description = "Where the stable Liqo cluster id is kept, made on first use.")
    Path liqoClusterIdFile = BuyerIdentity.defaultLiqoIdFile();

    /** The id given, else the stored one (made and stored on first use). */
    String resolve() {
      if (liqoClusterId != null) {
        return liqoClusterId;
      }
      try {
        return BuyerIdentity.liqoClusterId(liqoClusterIdFile);
      } catch (IOException e) {
        throw new CliFailure(1, "cannot keep the Liqo cluster id: " + e.getMessage());
      }
    }
  }

  /** The one REAR call of this command; its output goes to {@code out}. */
  abstract void run(RearClient client, PeerAddress peer, PrintWriter out) throws RearException;

  @Override
  public final Integer call() {
    PeerAddress address = address();
    RearClient client = client(address);
    PrintWriter out = spec.commandLine().getOut();
    try {
      run(client, address, out);
    } catch (RearException e) {
      throw new CliFailure(1, e.getMessage());
    } finally {
      out.flush();
    }
    return 0;
  }

  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private PeerAddress address() {
    PeerAddress address;
    try {
      address = PeerAddress.parse(peer, plainHttp);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (address.plainHttp()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          spec.qualifiedName()
              + ": warning: plain HTTP to "
              + address.authority()
              + ": nothing is encrypted and the provider is not authenticated");
      err.flush();
    }
    return address;
  }

  private RearClient client(PeerAddress address) {
    if (caFile != null && pin != null) {
      throw usage("give --ca-file or --pin, not both");
    }
    if ((clientCert == null) != (clientKey == null)) {
      throw usage("--client-cert and --client-key go together");
    }
    if (timeoutMs <= 0) {
      throw usage("--timeout-ms must be positive");
    }
    try {
      RearClientOptions.Builder options =
          RearClientOptions.builder(address.baseUri())
              .allowTokenOverPlainHttp(allowTokenOverHttp)
              .requestTimeout(Duration.ofMillis(timeoutMs))
              .connectTimeout(Duration.ofMillis(Math.min(timeoutMs, 5000)));
      if (tokenFile != null) {
        options.token(BearerToken.fromFile(tokenFile));
      }
      if (caFile != null) {
        options.trust(new RearTrust.CaFile(caFile));
      } else if (pin != null) {
        options.trust(new RearTrust.Pin(CertificatePin.parse(pin)));
      }
      if (clientCert != null) {
        options.clientCertificate(new ClientCertificate(clientCert, clientKey));
      }
      return new RearClient(options.build());
    } catch (IOException | IllegalArgumentException e) {
      // unreadable files and contradicting options: the user's to fix, and never a token in it
      throw usage(e.getMessage());
    }
  }
}
