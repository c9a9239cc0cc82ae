package io.credgraph.api.audit;

import io.credgraph.CredgraphException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The audit file on disk: opened for appending under an exclusive lock (a second writer, e.g.
 * {@code audit seal} while a server runs, is refused), written a group of lines at a time with one
 * write and one {@link FileChannel#force force}, cut back to its last durable length when a write
 * fails, and read up to that length.
 */
final class AuditFile implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private AuditFile(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  static AuditFile open(Path file) {
    try {
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      FileLock lock = null;
      if (Files.isRegularFile(file)) {
        try {
          lock = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          ch.close();
          throw new CredgraphException(
              "the audit log "
                  + file
                  + " is in use by another process (a running "
                  + "server?); stop it first");
        }
      }
      return new AuditFile(file, ch, lock);
    } catch (IOException e) {
      throw new CredgraphException("cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return file;
  }

  /** Appends the lines (each followed by a newline) with one write, then forces them to disk. */
  void append(List<byte[]> lines) throws IOException {
    int size = 0;
    for (byte[] l : lines) {
      size += l.length + 1;
    }
    ByteBuffer buf = ByteBuffer.allocate(size);
    for (byte[] l : lines) {
      buf.put(l).put((byte) '\n');
    }
    buf.flip();
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
    channel.force(false);
  }

  /**
   * Cuts the file back to {@code length} bytes (what was durable before a failed write) and forces
   * that.
   */
  void truncate(long length) throws IOException {
    if (channel.size() > length) {
      channel.truncate(length);
      channel.force(true);
    }
  }

  /**
   * A stream over the first {@code limit} bytes, for readers that must not see a group being
   * written.
   */
  InputStream read(long limit) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    return new Bounded(Channels.newInputStream(ch), limit);
  }

  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      try {
        channel.force(false);
      } catch (IOException e) {
        // a device that cannot be forced (or a full disk): nothing acknowledged is unforced
      }
      if (lock != null) {
        lock.release();
      }
      channel.close();
    }
  }

  /**
   * Repairs an incomplete last line (what a crash during a write leaves): the bytes after the last
   * newline are copied to {@code audit.jsonl.partial-<millis>} beside the log and cut from it. No
   * acknowledged entry is among them: an entry is acknowledged only after its whole line is forced.
   *
   * @return the file the cut bytes were saved to
   */
  static Path cutTail(Path file, long keep, long tail) {
    Path saved = file.resolveSibling(file.getFileName() + ".partial-" + System.currentTimeMillis());
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer cut = ByteBuffer.allocate((int) Math.min(tail, 1 << 24));
      ch.read(cut, keep);
      cut.flip();
      try (FileChannel out =
          FileChannel.open(saved, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        while (cut.hasRemaining()) {
          out.write(cut);
        }
        out.force(true);
      }
      ch.truncate(keep);
      ch.force(true);
      return saved;
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot repair the incomplete last line of the audit log " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** Reads at most {@code limit} bytes. */
  private static final class Bounded extends java.io.FilterInputStream {
    private long left;

    Bounded(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
