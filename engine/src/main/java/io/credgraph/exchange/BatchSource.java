package io.credgraph.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A batch to load: a name and a way to read its bytes (plain or gzipped JSON Lines; gzip is
 * recognised by its magic bytes, whatever the name). The loader opens it twice: once to compute the
 * content hash, once to load.
 */
public interface BatchSource {

  /** The batch name: provenance and rejection reports use it. */
  String name();

  /** A fresh stream over the batch's bytes, from the start. */
  InputStream open() throws IOException;

  /** The size in bytes of what {@link #open()} returns, or -1 when unknown. */
  long size();

  static BatchSource file(Path file) {
    Objects.requireNonNull(file, "file");
    return new BatchSource() {
      @Override
      public String name() {
        return file.getFileName().toString();
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      public long size() {
        try {
          return Files.size(file);
        } catch (IOException e) {
          return -1;
        }
      }
    };
  }

  /** A batch from any re-openable stream, e.g. a generated one in tests. */
  static BatchSource of(String name, long size, StreamOpener opener) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
    return new BatchSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() throws IOException {
        return opener.open();
      }

      @Override
      public long size() {
        return size;
      }
    };
  }

  /** Opens a stream. */
  @FunctionalInterface
  interface StreamOpener {
    InputStream open() throws IOException;
  }
}
