package io.credgraph.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import io.credgraph.Jsons;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.GraphStore;
import io.credgraph.store.StoreCounts;
import io.credgraph.store.codec.PropertyCodec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The projection on disk, so that a server starts in seconds (issue #15 item 3): every subject,
 * relation and record of one committed version, in a compact binary file beside the store, stamped
 * with the store's version, location and counts and sealed with a CRC-32 of its content. A store
 * that lives in the file's own directory (the embedded store: its data directory) is stamped as
 * {@code "."}, so that a copy of the whole directory (a backup restored, a data directory moved)
 * keeps its projection; any other store by its location.
 *
 * <p>A start reads it only when the stamp matches the store it opens; a file from another version
 * (a load since, a crash before the last save), another store, or with a wrong checksum, a wrong
 * format or a cut end is never served: the engine rebuilds from the store and says why. What is
 * derived (record spans under the list catalogue, measures under the rules) is derived again at
 * start, so a changed catalogue takes effect as after a rebuild. Files are written to a temporary
 * name, forced to disk and moved into place atomically; they hold ID numbers like the store itself,
 * so they are readable by their owner only.
 */
public final class ProjectionFile {
  private static final int MAGIC = 0x43475031; // "CGP1"
  private static final int FORMAT = 1;
  private static final TypeReference<Map<String, Object>> PROPS = new TypeReference<>() {};

  private ProjectionFile() {}

  /** What a start read: the projection, or empty and why the store had to be read instead. */
  record Read(Optional<Projection> projection, String why) {}

  /** Writes {@code s} for the store {@code store} to {@code file}, atomically. */
  public static void write(GraphSnapshot s, GraphStore store, Path file) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(tmp);
      Files.createFile(tmp);
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // a file system without POSIX permissions: the data directory's own protection holds
      }
      CRC32 crc = new CRC32();
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        OutputStream raw = java.nio.channels.Channels.newOutputStream(ch);
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 16));
        writeBody(s, store, stampOf(store, file), out);
        out.flush();
        DataOutputStream tail = new DataOutputStream(raw);
        tail.writeLong(crc.getValue());
        tail.writeInt(MAGIC);
        tail.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the projection file " + file, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temporary name is replaced by the next save
      }
    }
  }

  /**
   * The store as a projection file at {@code file} names it: {@code "."} when the store lives in
   * the file's own directory, otherwise its location.
   */
  static String stampOf(GraphStore store, Path file) {
    String location = store.info().location();
    try {
      Path dir = file.toAbsolutePath().normalize().getParent();
      if (dir != null && dir.equals(Path.of(location).toAbsolutePath().normalize())) {
        return ".";
      }
    } catch (java.nio.file.InvalidPathException e) {
      // not a path (a server's address): stamped by its location
    }
    return location;
  }

  private static void writeBody(
      GraphSnapshot s, GraphStore store, String stamp, DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.writeLong(s.version());
    writeString(out, stamp);
    out.writeInt(s.nodeCount());
    out.writeInt(s.edgeCount());
    out.writeInt(s.recordCount());
    for (int i = 0; i < s.nodeCount(); i++) {
      Subject sub = s.subject(i);
      writeString(out, sub.key().canonical());
      writeString(out, sub.id().value());
      writeString(out, sub.name());
      out.writeByte(sub.kind().ordinal());
      out.writeByte(sub.legalForm().map(Enum::ordinal).orElse(-1));
      out.writeByte(sub.status().map(Enum::ordinal).orElse(-1));
      out.writeInt(sub.registeredOn().map(Projection::day).orElse(Projection.NEVER));
      writeString(out, sub.district().orElse(""));
      writeString(out, sub.industry().orElse(""));
    }
    for (int e = 0; e < s.edgeCount(); e++) {
      out.writeInt(s.edgeFrom(e));
      out.writeInt(s.edgeTo(e));
      out.writeByte(s.edgeType(e));
      out.writeInt(s.edgeSince(e));
      out.writeInt(s.edgeUntil(e));
      out.writeDouble(s.edgeRatio(e));
    }
    IOException[] failed = {null};
    s.forEachRecord(
        r -> {
          if (failed[0] != null) {
            return;
          }
          try {
            byte[] json = Jsons.plain().writeValueAsBytes(PropertyCodec.ISO_DATES.recordProps(r));
            out.writeInt(json.length);
            out.write(json);
          } catch (IOException e) {
            failed[0] = e;
          }
        });
    if (failed[0] != null) {
      throw failed[0];
    }
  }

  /**
   * Reads {@code file} when it is the projection of {@code store} as it is now; otherwise empty,
   * with the reason.
   */
  static Read read(Path file, GraphStore store, ListCatalogue lists) {
    if (!Files.exists(file)) {
      return new Read(Optional.empty(), "no projection file at " + file);
    }
    long version = store.version();
    StoreCounts counts = store.counts();
    // the seal first, in large blocks: nothing of a file whose checksum fails is parsed
    try {
      if (!sealed(file)) {
        return new Read(Optional.empty(), file + " is corrupt (its checksum does not match)");
      }
    } catch (IOException e) {
      return new Read(
          Optional.empty(), file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      In in = new In(ch);
      if (in.readInt() != MAGIC) {
        return new Read(Optional.empty(), file + " is not a projection file");
      }
      int format = in.readInt();
      if (format != FORMAT) {
        return new Read(
            Optional.empty(), file + " has format " + format + ", this build reads " + FORMAT);
      }
      long fileVersion = in.readLong();
      String location = readString(in);
      int n = in.readInt();
      int m = in.readInt();
      int r = in.readInt();
      // files saved before the stamp "." named their own directory's store by its location
      if (!location.equals(stampOf(store, file)) && !location.equals(store.info().location())) {
        return new Read(
            Optional.empty(),
            file
                + " is the projection of another store ("
                + (location.equals(".") ? "the one in the directory it was saved in" : location)
                + ")");
      }
      if (fileVersion != version) {
        return new Read(
            Optional.empty(),
            file + " is of store version " + fileVersion + ", the store is at version " + version);
      }
      if (n != counts.subjects() || m != counts.relations() || r != counts.records()) {
        return new Read(
            Optional.empty(),
            String.format(
                "%s holds %d subjects, %d relations, %d records; the store %d, %d, %d",
                file, n, m, r, counts.subjects(), counts.relations(), counts.records()));
      }
      Projection p = new Projection(lists, n, m, r);
      for (int i = 0; i < n; i++) {
        SubjectKey key = SubjectKey.fromCanonical(readString(in));
        SubjectId id = new SubjectId(readString(in));
        String name = readString(in);
        byte kind = in.readByte();
        byte form = in.readByte();
        byte status = in.readByte();
        int registered = in.readInt();
        String district = readString(in);
        String industry = readString(in);
        p.restoreSubject(
            key,
            id,
            name,
            kind,
            form,
            status,
            registered,
            district.isEmpty() ? Optional.empty() : Optional.of(district),
            industry.isEmpty() ? Optional.empty() : Optional.of(industry));
      }
      p.indexRestored();
      for (int e = 0; e < m; e++) {
        p.restoreEdge(
            in.readInt(), in.readInt(), in.readByte(), in.readInt(), in.readInt(), in.readDouble());
      }
      for (int i = 0; i < r; i++) {
        byte[] json = in.readBytes(in.readInt());
        CreditRecord rec = PropertyCodec.ISO_DATES.record(Jsons.plain().readValue(json, PROPS));
        if (p.putRecord(rec) < 0) {
          return new Read(Optional.empty(), file + " holds a record of no subject");
        }
      }
      in.readLong(); // the seal, checked above
      if (in.readInt() != MAGIC || !in.atEnd()) {
        return new Read(Optional.empty(), file + " is corrupt (its end is not where it should be)");
      }
      p.buildCsr();
      return new Read(Optional.of(p), "read " + file + " (store version " + version + ")");
    } catch (EOFException e) {
      return new Read(Optional.empty(), file + " is cut short");
    } catch (IOException | RuntimeException e) {
      return new Read(
          Optional.empty(), file + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Whether the CRC-32 of everything before the last 12 bytes is the one they hold. */
  private static boolean sealed(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 12) {
        return false;
      }
      CRC32 crc = new CRC32();
      java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocateDirect(1 << 20);
      long left = size - 12;
      while (left > 0) {
        buf.clear();
        if (left < buf.capacity()) {
          buf.limit((int) left);
        }
        int n = ch.read(buf);
        if (n < 0) {
          return false;
        }
        buf.flip();
        crc.update(buf);
        left -= n;
      }
      java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(12);
      while (tail.hasRemaining() && ch.read(tail) >= 0) {
        // read the 12 bytes of the seal
      }
      tail.flip();
      return tail.remaining() == 12 && tail.getLong() == crc.getValue() && tail.getInt() == MAGIC;
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(In in) throws IOException {
    return in.readString();
  }

  /**
   * Reads the file through one large buffer (a {@code DataInputStream} pays a call per byte): what
   * makes a start from the file take seconds, not tens of seconds.
   */
  private static final class In {
    private final FileChannel ch;
    private final java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 23);
    private boolean eof;

    In(FileChannel ch) throws IOException {
      this.ch = ch;
      buf.limit(0);
    }

    private void need(int n) throws IOException {
      if (buf.remaining() >= n) {
        return;
      }
      buf.compact();
      while (buf.position() < n && !eof) {
        if (ch.read(buf) < 0) {
          eof = true;
        }
      }
      buf.flip();
      if (buf.remaining() < n) {
        throw new EOFException();
      }
    }

    int readInt() throws IOException {
      need(4);
      return buf.getInt();
    }

    long readLong() throws IOException {
      need(8);
      return buf.getLong();
    }

    double readDouble() throws IOException {
      need(8);
      return buf.getDouble();
    }

    byte readByte() throws IOException {
      need(1);
      return buf.get();
    }

    byte[] readBytes(int len) throws IOException {
      if (len < 0 || len > 1 << 24) {
        throw new IOException("a field of " + len + " bytes");
      }
      byte[] b = new byte[len];
      int done = 0;
      while (done < len) {
        need(Math.min(len - done, buf.capacity()));
        int k = Math.min(len - done, buf.remaining());
        buf.get(b, done, k);
        done += k;
      }
      return b;
    }

    String readString() throws IOException {
      int len = readInt();
      if (len >= 0 && len <= buf.capacity()) {
        need(len);
        String out = new String(buf.array(), buf.position(), len, StandardCharsets.UTF_8);
        buf.position(buf.position() + len);
        return out;
      }
      return new String(readBytes(len), StandardCharsets.UTF_8);
    }

    boolean atEnd() throws IOException {
      if (buf.hasRemaining()) {
        return false;
      }
      buf.clear();
      int n = ch.read(buf);
      buf.flip();
      return n <= 0;
    }
  }
}
