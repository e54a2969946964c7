package io.minicloud.mapper.api.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Every socket it makes speaks TLS 1.2 or 1.3 only and checks the server's host name against its
 * certificate (the HTTPS rules: SAN DNS names and IP addresses). Clients such as Paho ask for the
 * same check, but doing it here keeps it whatever client version or option is in use.
 */
public final class TlsSocketFactory extends SSLSocketFactory {
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private final SSLSocketFactory delegate;

  public TlsSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return harden(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose)
      throws IOException {
    return harden(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return harden(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return harden(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return harden(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return harden(delegate.createSocket(address, port, localAddress, localPort));
  }

  private static Socket harden(Socket socket) {
    if (socket instanceof SSLSocket ssl) {
      List<String> supported = List.of(ssl.getSupportedProtocols());
      SSLParameters params = ssl.getSSLParameters();
      params.setProtocols(PROTOCOLS.stream().filter(supported::contains).toArray(String[]::new));
      params.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(params);
    }
    return socket;
  }
}
