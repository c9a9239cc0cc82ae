package io.credgraph.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.CredgraphException;
import io.credgraph.Jsons;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The machine-readable rejection report: one JSON object per rejected line, {@code {"file", "line",
 * "field", "reason"}}, flushed after each chunk's rejections so an interrupted load leaves a
 * readable file.
 */
public final class RejectionFile implements Consumer<Rejection>, AutoCloseable {
  private static final ObjectMapper JSON = Jsons.plain();
  private final Path path;
  private final Writer out;
  private long count;

  private RejectionFile(Path path, Writer out) {
    this.path = path;
    this.out = out;
  }

  /** Creates (or replaces) the file, creating its folder. */
  public static RejectionFile create(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new RejectionFile(
          path, new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot write the rejection file " + path + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  public long count() {
    return count;
  }

  @Override
  public synchronized void accept(Rejection r) {
    try {
      out.write(JSON.writeValueAsString(r));
      out.write('\n');
      count++;
      if (count % 100 == 0) {
        out.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejection file " + path, e);
    }
  }

  /** Writes buffered rejections to disk. */
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
