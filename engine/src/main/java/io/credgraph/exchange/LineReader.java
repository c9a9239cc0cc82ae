package io.credgraph.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, an optional {@code \r} before it is dropped) without
 * ever holding more than {@code maxLineBytes} of one line: a longer line is skipped to its end and
 * reported as {@link Line#tooLong()}. Memory is bounded by the read buffer plus the line limit,
 * whatever the input.
 *
 * <p>Not thread-safe; one reader per stream.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private long lineNumber;
  private long bytesRead;
  private boolean eof;

  LineReader(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 16) {
      throw new IllegalArgumentException(
          "the line limit must be at least 16 bytes, not " + maxLineBytes);
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * One line: its 1-based number and bytes {@code [0, length)} of {@link #bytes()} (valid until the
   * next call).
   */
  record Line(long number, byte[] bytes, int length, long fullLength, boolean tooLong) {}

  /** Bytes consumed from the underlying stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** The next line, or null at the end of the stream (a final line without a newline counts). */
  Line next() throws IOException {
    int len = 0;
    long full = 0;
    boolean sawAny = false;
    while (true) {
      if (pos == limit) {
        if (eof || !fill()) {
          if (!sawAny) {
            return null;
          }
          return finish(len, full);
        }
      }
      sawAny = true;
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      int n = end - start;
      full += n;
      if (full <= maxLineBytes) {
        ensure(len + n);
        System.arraycopy(buf, start, line, len, n);
        len += n;
      }
      pos = nl < 0 ? limit : nl + 1;
      if (nl >= 0) {
        return finish(len, full);
      }
    }
  }

  private Line finish(int len, long full) {
    lineNumber++;
    if (full > maxLineBytes) {
      return new Line(lineNumber, line, 0, full, true);
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    return new Line(lineNumber, line, len, full, false);
  }

  private void ensure(int n) {
    if (n > line.length) {
      line = Arrays.copyOf(line, Math.min(Math.max(n, line.length * 2), maxLineBytes));
    }
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    limit = n;
    bytesRead += n;
    return true;
  }
}
