package io.credgraph.datasets.icij;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV records: fields separated by commas, quoted with double quotes (a quote doubled
 * inside), quoted fields may hold commas and line breaks; CRLF or LF ends a record. {@link #line()}
 * is the file line the last record began on, for error messages.
 */
final class CsvReader implements AutoCloseable {
  private final Reader in;
  private int peeked = -2;
  private long line = 1;
  private long recordLine = 1;

  CsvReader(Reader in) {
    this.in = in;
  }

  long line() {
    return recordLine;
  }

  /** The next record, or null at the end. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("line " + recordLine + ": a quoted field is not closed");
        }
        if (c == '"') {
          int d = read();
          if (d == '"') {
            f.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          f.append((char) c);
        }
      } else if (c == '"' && f.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int d = read();
          if (d != '\n') {
            peeked = d;
          }
        }
        if (c != -1) {
          line++;
        }
        fields.add(f.toString());
        return fields;
      } else {
        f.append((char) c);
      }
      c = read();
    }
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int p = peeked;
      peeked = -2;
      return p;
    }
    return in.read();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
