package io.credgraph.api.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.CredgraphException;
import io.credgraph.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only journal of JSON objects, one per line, written with one system call each and, when
 * {@code force}, forced to disk on every append (the checks journal, written on the hot path of
 * checks, is not: it survives a process crash, not a power cut between the write and the next
 * flush; the audit entry of the same check, which names it, is forced before the check answers).
 * Opening streams every line to a consumer with the offset it starts at, so a reader may keep only
 * offsets and read entries back ({@link #read}, {@link #forEach}); a last line cut by a crash (no
 * newline) is dropped and the file cut back to the last complete line, any other unreadable line
 * stops start-up naming the file and the line.
 */
final class Journal<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Path file;
  private final Class<T> type;
  private final FileChannel channel;
  private final FileChannel reader;
  private final ObjectMapper mapper = Json.mapper();
  private final boolean force;
  private long end;

  private Journal(
      Path file, Class<T> type, FileChannel channel, FileChannel reader, boolean force, long end) {
    this.file = file;
    this.type = type;
    this.channel = channel;
    this.reader = reader;
    this.force = force;
    this.end = end;
  }

  static <T> Journal<T> open(Path file, Class<T> type, boolean force, Consumer<T> replay) {
    return openIndexed(file, type, force, (entry, at) -> replay.accept(entry));
  }

  /** Opens the journal, giving each entry with the offset of its line. */
  static <T> Journal<T> openIndexed(
      Path file, Class<T> type, boolean force, ObjLongConsumer<T> replay) {
    ObjectMapper mapper = Json.mapper();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      long complete = 0;
      long size = 0;
      if (Files.exists(file)) {
        long[] done = {0};
        long[] lineNo = {0};
        try (InputStream in = Files.newInputStream(file)) {
          size =
              scan(
                  in,
                  Long.MAX_VALUE,
                  (bytes, start, next) -> {
                    lineNo[0]++;
                    if (bytes != null) {
                      T entry;
                      try {
                        entry = mapper.readValue(bytes, type);
                      } catch (IOException | RuntimeException e) {
                        throw new CredgraphException(
                            file
                                + " line "
                                + lineNo[0]
                                + ": not a readable entry ("
                                + e.getMessage()
                                + "); the journal was edited: restore it from a backup",
                            e);
                      }
                      replay.accept(entry, start);
                    }
                    done[0] = next;
                  });
        }
        complete = done[0];
        if (complete < size) {
          LOG.warn(
              "{}: the last line was cut ({} bytes without a newline) and is dropped",
              file,
              size - complete);
        }
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      ch.truncate(complete);
      ch.position(complete);
      FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
      return new Journal<>(file, type, ch, reader, force, complete);
    } catch (IOException e) {
      throw new CredgraphException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte x : bytes) {
      if (x != ' ' && x != '\t' && x != '\r') {
        return false;
      }
    }
    return true;
  }

  /** Appends an entry and returns the offset its line starts at. */
  synchronized long append(T entry) {
    byte[] line;
    try {
      line = mapper.writeValueAsBytes(entry);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a journal entry is always serialisable", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    long at = end;
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      cutBack(at);
      throw new CredgraphException("cannot append to " + file + ": " + e.getMessage(), e);
    }
    end = at + line.length + 1;
    return at;
  }

  /**
   * After a failed append (a full disk): cuts the part of the line that was written, so that the
   * next append starts a line where {@link #end} says and the offsets given stay true.
   */
  private void cutBack(long at) {
    try {
      channel.truncate(at);
      channel.position(at);
    } catch (IOException again) {
      LOG.warn(
          "{}: a failed append could not be cut back to {} bytes ({}); the next start drops or "
              + "refuses the broken line",
          file,
          at,
          again.getMessage());
      try {
        end = channel.position();
      } catch (IOException ignored) {
        // the channel is unusable: every later append fails as well
      }
    }
  }

  /** The entry whose line starts at {@code offset} (an offset this journal gave). */
  T read(long offset) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(1024);
      long pos = offset;
      ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
      while (true) {
        buf.clear();
        int n = reader.read(buf, pos);
        if (n <= 0) {
          throw new IOException("no complete line at offset " + offset);
        }
        byte[] a = buf.array();
        for (int i = 0; i < n; i++) {
          if (a[i] == '\n') {
            line.write(a, 0, i);
            return mapper.readValue(line.toByteArray(), type);
          }
        }
        line.write(a, 0, n);
        pos += n;
      }
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read " + file + " at offset " + offset + ": " + e.getMessage(), e);
    }
  }

  /** Every entry on disk now, oldest first. */
  void forEach(Consumer<T> action) {
    long limit;
    synchronized (this) {
      limit = end;
    }
    try (InputStream in = Files.newInputStream(file)) {
      scan(
          in,
          limit,
          (bytes, start, next) -> {
            if (bytes != null) {
              try {
                action.accept(mapper.readValue(bytes, type));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CredgraphException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** What {@link #scan} finds: a complete line (null when blank), its offset, the next offset. */
  private interface Line {
    void accept(byte[] bytes, long start, long next);
  }

  /**
   * Reads complete lines of {@code in} up to {@code limit} bytes, in 64 KiB reads; returns the
   * bytes read (a cut last line is read but not given).
   */
  private static long scan(InputStream in, long limit, Line each) throws IOException {
    byte[] buf = new byte[1 << 16];
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    long pos = 0;
    long start = 0;
    int n;
    while (pos < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - pos))) > 0) {
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          line.write(buf, from, i - from);
          byte[] bytes = line.toByteArray();
          line.reset();
          long next = pos + i + 1;
          each.accept(isBlank(bytes) ? null : bytes, start, next);
          start = next;
          from = i + 1;
        }
      }
      line.write(buf, from, n - from);
      pos += n;
    }
    return pos;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
      reader.close();
    } catch (IOException e) {
      LOG.warn("closing {}: {}", file, e.getMessage());
    }
  }
}
