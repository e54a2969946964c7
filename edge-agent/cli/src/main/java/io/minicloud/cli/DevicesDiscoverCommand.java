package io.minicloud.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minicloud devices discover coap://host[:port]}: suggested device files on stdout. */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    header = "Suggest a DeviceModel and Device for a CoAP server from its /.well-known/core.",
    description = {
      "GETs /.well-known/core (RFC 6690 link format, block-wise when long) and prints a"
          + " suggested KubeEdge DeviceModel and Device for the bridge's CoAP plugin: one property"
          + " per resource, observed when the link says obs, the format from ct. Types and access"
          + " modes are guesses from rt/if/title: review the file before installing it.",
      "",
      "coaps:// needs --psk-identity and --psk-key-file, or --cert-file, --key-file and"
          + " --ca-file. Keys are only ever read from files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:the suggestion was printed",
      " 1:no reply, DTLS handshake failed, or the server answered an error or no link format",
      " 2:usage error (bad URI, missing or unreadable credential files)"
    })
final class DevicesDiscoverCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URI",
      description = "coap://host[:port] or coaps://host[:port]")
  String uri;

  @Option(names = "--psk-identity", paramLabel = "ID", description = "DTLS PSK identity.")
  String pskIdentity;

  @Option(
      names = "--psk-key-file",
      paramLabel = "FILE",
      description = "File holding the PSK (its bytes, without one trailing newline).")
  Path pskKeyFile;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA bundle (X.509).")
  Path caFile;

  @Option(names = "--cert-file", paramLabel = "FILE", description = "PEM client certificate.")
  Path certFile;

  @Option(names = "--key-file", paramLabel = "FILE", description = "PEM client key (PKCS#8).")
  Path keyFile;

  @Option(
      names = "--timeout-ms",
      paramLabel = "MS",
      defaultValue = "10000",
      description = "How long to wait for the server (default: ${DEFAULT-VALUE}).")
  long timeoutMs;

  @Override
  public Integer call() {
    String yaml;
    try {
      yaml =
          CoapDeviceDiscovery.discover(
              new CoapDeviceDiscovery.Request(
                  uri,
                  Optional.ofNullable(pskIdentity),
                  Optional.ofNullable(pskKeyFile),
                  Optional.ofNullable(caFile),
                  Optional.ofNullable(certFile),
                  Optional.ofNullable(keyFile),
                  Duration.ofMillis(timeoutMs)));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().print(yaml);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
