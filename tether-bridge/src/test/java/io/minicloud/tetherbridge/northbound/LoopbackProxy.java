package io.minicloud.tetherbridge.northbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Forwards TCP from another loopback address (127.0.0.2) to a broker on 127.0.0.1, so a test can
 * reach the broker under an address its certificate does not name.
 */
final class LoopbackProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;

  LoopbackProxy(String address, int targetPort) throws IOException {
    this.server = new ServerSocket(0, 10, InetAddress.getByName(address));
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::accept, "loopback-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket in = server.accept();
        Socket out = new Socket();
        out.connect(new InetSocketAddress("127.0.0.1", targetPort), 2_000);
        pump(in, out);
        pump(out, in);
      } catch (IOException e) {
        if (!server.isClosed()) {
          System.err.println("loopback proxy: " + e);
        }
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed: the other follows below
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException e) {
                  System.err.println("loopback proxy close: " + e);
                }
              }
            },
            "loopback-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
