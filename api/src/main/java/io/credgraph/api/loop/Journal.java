package io.credgraph.api.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.CredgraphException;
import io.credgraph.api.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of JSON objects, one per line, written with one system call each and, when
 * {@code force}, forced to disk on every append (the checks journal, written on the hot path of
 * checks, is not: it survives a process crash, not a power cut between the write and the next
 * flush; the audit entry of the same check, which names it, is forced before the check answers).
 * Opening replays every line to a consumer; a last line cut by a crash (no newline) is dropped and
 * the file cut back to the last complete line, any other unreadable line stops start-up naming the
 * file and the line.
 */
final class Journal<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Path file;
  private final FileChannel channel;
  private final ObjectMapper mapper = Json.mapper();
  private final boolean force;

  private Journal(Path file, FileChannel channel, boolean force) {
    this.file = file;
    this.channel = channel;
    this.force = force;
  }

  static <T> Journal<T> open(Path file, Class<T> type, boolean force, Consumer<T> replay) {
    ObjectMapper mapper = Json.mapper();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long complete = 0;
      if (Files.exists(file)) {
        byte[] all = Files.readAllBytes(file);
        int start = 0;
        int line = 0;
        for (int i = 0; i < all.length; i++) {
          if (all[i] == '\n') {
            line++;
            String text = new String(all, start, i - start, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
              try {
                replay.accept(mapper.readValue(text, type));
              } catch (IOException | RuntimeException e) {
                throw new CredgraphException(
                    file
                        + " line "
                        + line
                        + ": not a readable entry ("
                        + e.getMessage()
                        + "); the journal was edited: restore it from a backup",
                    e);
              }
            }
            start = i + 1;
            complete = start;
          }
        }
        if (complete < all.length) {
          LOG.warn(
              "{}: the last line was cut ({} bytes without a newline) and is dropped",
              file,
              all.length - complete);
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      ch.truncate(complete);
      ch.position(complete);
      return new Journal<>(file, ch, force);
    } catch (IOException e) {
      throw new CredgraphException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized void append(T entry) {
    byte[] line;
    try {
      line = mapper.writeValueAsBytes(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal entry is always serialisable", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new CredgraphException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("closing {}: {}", file, e.getMessage());
    }
  }
}
