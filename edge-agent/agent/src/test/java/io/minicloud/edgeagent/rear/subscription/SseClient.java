package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.RearJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Reads an SSE response line by line on its own thread and hands out whole events. */
final class SseClient implements AutoCloseable {

  /** One {@code id:/event:/data:} block. */
  record Event(long id, String type, JsonNode data) {}

  static final Duration PATIENCE = Duration.ofSeconds(30);

  final HttpResponse<InputStream> response;
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
  private final Thread reader;

  SseClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "sse-test-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      long id = -1;
      String type = null;
      StringBuilder data = new StringBuilder();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, type, RearJson.mapper().readTree(data.toString())));
          }
          id = -1;
          type = null;
          data.setLength(0);
        } else if (line.startsWith("id: ")) {
          id = Long.parseLong(line.substring(4));
        } else if (line.startsWith("event: ")) {
          type = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      events.add("end of stream");
    } catch (IOException e) {
      events.add(e);
    }
  }

  /** The next event; fails the test after {@link #PATIENCE} or if the stream ended. */
  Event next() throws InterruptedException {
    Object o = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    if (o instanceof Event e) {
      return e;
    }
    throw new AssertionError("no SSE event within " + PATIENCE + ": " + o);
  }

  /** The next event of this type about this flavor, skipping others. */
  Event next(String type, String flavorId) throws InterruptedException {
    while (true) {
      Event e = next();
      if (e.type().equals(type)
          && e.data().path("flavor").path("flavorID").asText().equals(flavorId)) {
        return e;
      }
    }
  }

  @Override
  public void close() throws IOException {
    response.body().close();
  }
}
