package io.minicloud.tetherbridge.store;

import static io.minicloud.tetherbridge.store.DurableQueueTest.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableQueueCorruptionTest {
  private static final DurableQueueOptions OPTIONS = new DurableQueueOptions(10_000, 10_000_000);

  @TempDir Path dir;

  @Test
  void aFileThatIsNotADatabaseIsMovedAsideAndTheQueueStartsEmpty() throws IOException {
    // GIVEN garbage where the queue's database should be
    Path file = dir.resolve(DurableQueue.FILE_NAME);
    Files.write(
        file, "this is not an SQLite database, just bytes on a bad SD card".repeat(100).getBytes());

    // WHEN the queue opens
    try (DurableQueue queue = new DurableQueue(dir, OPTIONS)) {
      // THEN it works, empty, and the garbage was kept aside for a post-mortem
      assertEquals(1, queue.corruptFilesMovedAside());
      assertEquals(0, queue.depthMessages());
      assertTrue(queue.offer(reading("a", 1)) > 0);
      assertEquals(1, queue.peek(10, Set.of()).size());
    }
    assertEquals(1, movedAside().size(), "one file moved aside");
  }

  @Test
  void aDatabaseWithDamagedPagesIsMovedAside() throws IOException {
    // GIVEN a real queue file with many messages, closed, then damaged in the middle
    try (DurableQueue queue = new DurableQueue(dir, OPTIONS)) {
      for (int i = 0; i < 2_000; i++) {
        queue.offer(reading("dev" + (i % 7), i));
      }
    }
    Path file = dir.resolve(DurableQueue.FILE_NAME);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] noise = new byte[4096 * 4];
      java.util.Arrays.fill(noise, (byte) 0x5a);
      raf.seek(4096 * 2);
      raf.write(noise);
    }

    // WHEN the queue opens again
    try (DurableQueue queue = new DurableQueue(dir, OPTIONS)) {
      // THEN the damage was found, the file moved aside, and the queue works
      assertEquals(1, queue.corruptFilesMovedAside());
      assertEquals(0, queue.depthMessages());
      queue.offer(reading("a", 1));
      assertEquals(1, queue.depthMessages());
    }
    assertEquals(1, movedAside().size());
  }

  @Test
  void aDirectoryThatCannotHoldTheFileFailsWithThePath() throws IOException {
    // GIVEN a regular file where the data directory should be (fails even for root)
    Path notADir = dir.resolve("plain-file");
    Files.writeString(notADir, "x");

    // WHEN the queue opens there
    StoreException e = assertThrows(StoreException.class, () -> new DurableQueue(notADir, OPTIONS));

    // THEN the error names the file; nothing was moved aside
    assertTrue(e.getMessage().contains(notADir.toString()), e.getMessage());
    assertEquals(List.of(), movedAside());
  }

  private List<Path> movedAside() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith(DurableQueue.FILE_NAME + ".corrupt-"))
          .filter(p -> !p.toString().endsWith("-wal") && !p.toString().endsWith("-shm"))
          .toList();
    }
  }
}
