package io.credgraph.exchange;

import io.credgraph.ValidationException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The first pass over a batch: its SHA-256 (of the content after gunzip, so a batch's identity does
 * not depend on its compression or name), and whether it is a batch at all: gzip that is corrupt,
 * binary data (a NUL byte) and an empty batch are refused as a whole, before anything is stored.
 */
record BatchScan(String hash, long contentBytes, boolean gzip) {

  static BatchScan of(BatchSource source) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    boolean gzip;
    long total = 0;
    try (InputStream raw = new BufferedInputStream(source.open(), 1 << 16)) {
      gzip = isGzip(raw);
      if (!gzip && source.name().toLowerCase(java.util.Locale.ROOT).endsWith(".gz")) {
        throw refuse("the file is named .gz but is not gzip data");
      }
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = read(in, buf, total)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == 0) {
            throw refuse(
                "binary data (a NUL byte at content offset "
                    + (total + i)
                    + "): a batch is UTF-8 JSON Lines"
                    + " text, optionally gzipped");
          }
        }
        sha.update(buf, 0, n);
        total += n;
      }
    } catch (IOException e) {
      throw refuse("cannot read the batch: " + e.getMessage());
    }
    if (total == 0) {
      throw refuse("the batch is empty (no lines)");
    }
    return new BatchScan(HexFormat.of().formatHex(sha.digest()), total, gzip);
  }

  private static int read(InputStream in, byte[] buf, long offset) throws IOException {
    try {
      return in.read(buf, 0, buf.length);
    } catch (ZipException | EOFException e) {
      throw refuse(
          "corrupt gzip data after "
              + offset
              + " bytes of content ("
              + e.getMessage()
              + "): send the batch again");
    }
  }

  /** Opens the content stream (gunzipped when needed); {@code counter} sees the raw bytes read. */
  static InputStream content(InputStream raw, boolean gzip) throws IOException {
    InputStream b = new BufferedInputStream(raw, 1 << 16);
    return gzip ? new GZIPInputStream(b, 1 << 16) : b;
  }

  static boolean isGzip(InputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  static ValidationException refuse(String reason) {
    return new ValidationException("(file)", reason);
  }

  /** Counts the bytes read through it, for progress by bytes. */
  static final class Counting extends FilterInputStream {
    private volatile long count;

    Counting(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      count += s;
      return s;
    }
  }
}
