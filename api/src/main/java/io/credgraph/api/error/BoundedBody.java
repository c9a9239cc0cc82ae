package io.credgraph.api.error;

import io.javalin.http.Context;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A request body read as a stream whose bytes are counted as they are read, on the wire and after
 * decompression, each against the route's limit: a body over the limit is refused with 413 naming
 * the limit as soon as the limit is passed, whether it came with a {@code Content-Length}, chunked,
 * or compressed (a gzip bomb is stopped after at most the limit of decompressed bytes, and earlier
 * when it inflates more than {@link #MAX_RATIO} times past the first {@link #RATIO_GRACE} bytes).
 * Nothing is held in memory beyond the reader's buffers.
 */
public final class BoundedBody {
  /**
   * Decompressed bytes per compressed byte above which a body is treated as a decompression bomb.
   */
  public static final long MAX_RATIO = 200;

  /**
   * Decompressed bytes read before the ratio is judged (small bodies compress well and are
   * harmless).
   */
  public static final long RATIO_GRACE = 4L << 20;

  private BoundedBody() {}

  /**
   * The body of {@code ctx} with its {@code Content-Encoding} (gzip or identity) undone; both the
   * bytes on the wire and the decoded bytes are counted against {@code max}. {@code what} names the
   * body in messages ("the body").
   */
  public static InputStream open(Context ctx, long max, String what) throws IOException {
    long declared = ctx.contentLength();
    if (declared > max) {
      throw tooLarge(what, max, "");
    }
    String encoding = ctx.header("Content-Encoding");
    Counted wire = new Counted(ctx.bodyInputStream(), max, what, "");
    if (encoding == null || encoding.isBlank() || "identity".equalsIgnoreCase(encoding.trim())) {
      return wire;
    }
    if (!"gzip".equalsIgnoreCase(encoding.trim()) && !"x-gzip".equalsIgnoreCase(encoding.trim())) {
      throw ApiException.unsupportedMediaType(
          "Content-Encoding '"
              + encoding.trim().toLowerCase(Locale.ROOT)
              + "' is not accepted; use gzip or none");
    }
    return gunzip(wire, max, what);
  }

  /**
   * Decompresses {@code compressed}, counting the decompressed bytes against {@code max} and the
   * ratio.
   */
  public static InputStream gunzip(Counted compressed, long max, String what) throws IOException {
    try {
      return new Counted(
              new GZIPInputStream(compressed, 1 << 16), max, what, " after decompression")
          .ratioOf(compressed);
    } catch (ZipException e) {
      throw ApiException.malformedJson(what + " is not valid gzip data: " + e.getMessage());
    }
  }

  /** Whether the stream (which must support mark) starts with the gzip magic bytes. */
  public static boolean startsWithGzip(BufferedInputStream in) throws IOException {
    in.mark(2);
    int a = in.read();
    int b = in.read();
    in.reset();
    return a == 0x1f && b == 0x8b;
  }

  static ApiException tooLarge(String what, long max, String after) {
    return ApiException.tooLarge(
        what + " is larger than the limit of " + max + " bytes" + after + "; send a smaller one",
        max);
  }

  /** Counts the bytes read through it and refuses with 413 past the limit. */
  public static final class Counted extends FilterInputStream {
    private final long max;
    private final String what;
    private final String after;
    private Counted source;
    private long count;

    public Counted(InputStream in, long max, String what, String after) {
      super(in);
      this.max = max;
      this.what = what;
      this.after = after;
    }

    Counted ratioOf(Counted compressed) {
      this.source = compressed;
      return this;
    }

    public long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        add(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = super.skip(n);
      if (s > 0) {
        add(s);
      }
      return s;
    }

    private void add(long n) {
      count += n;
      if (count > max) {
        throw tooLarge(what, max, after);
      }
      if (source != null && count > RATIO_GRACE && count > MAX_RATIO * Math.max(1, source.count)) {
        throw ApiException.tooLarge(
            what
                + " inflates more than "
                + MAX_RATIO
                + " times when decompressed ("
                + source.count
                + " bytes gave more than "
                + count
                + "); it is refused as a decompression bomb "
                + "(limit "
                + max
                + " bytes"
                + after
                + ")",
            max);
      }
    }
  }
}
