package io.credgraph.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.CredgraphException;
import io.credgraph.api.Json;
import io.credgraph.api.auth.Caller;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only, tamper-evident audit log: one JSON object per line ({@code audit.jsonl} in a directory), each
 * carrying the SHA-256 of the previous line exactly as written ({@link #GENESIS} for the first). The chain is
 * verified when the log is opened: an edited, inserted, removed or incomplete line stops start-up with the line
 * number. The hash of the last line ({@link #head()}) is what an operator anchors elsewhere to detect truncation.
 *
 * <p>Appends are serialised and written with one system call each; the log is read by scanning, newest writes
 * included up to the last complete line.
 */
public final class AuditLog implements AutoCloseable {
  /** The {@code prev} of the first entry. */
  public static final String GENESIS = "0".repeat(64);
  public static final String FILE_NAME = "audit.jsonl";
  /** Entries of these routes give DEPARTMENT and REGISTRY keys sight of the subjects they checked. */
  static final String CHECKS = "/api/v1/checks/";

  private final Path file;
  private final Clock clock;
  private final ObjectMapper mapper = Json.mapper();
  private final FileChannel channel;
  private final Map<String, Set<String>> checked = new ConcurrentHashMap<>();
  private String head;
  private long seq;
  private volatile long committedBytes;

  private AuditLog(Path file, Clock clock, FileChannel channel, Verification v) {
    this.file = file;
    this.clock = clock;
    this.channel = channel;
    this.head = v.head();
    this.seq = v.entries();
    this.committedBytes = v.bytes();
  }

  /** Opens (creating if needed) the log in {@code dir} after verifying its chain. */
  public static AuditLog open(Path dir, Clock clock) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      Map<String, Set<String>> checked = new ConcurrentHashMap<>();
      Verification v = verify(file, (who, subjects) ->
          checked.computeIfAbsent(who, k -> ConcurrentHashMap.newKeySet()).addAll(subjects));
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      AuditLog log = new AuditLog(file, clock, ch, v);
      log.checked.putAll(checked);
      return log;
    } catch (IOException e) {
      throw new CredgraphException("cannot open the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  /** What verifying a log found: the number of entries, the hash of the last line, the bytes covered. */
  public record Verification(long entries, String head, long bytes) {}

  /**
   * Checks the whole chain of {@code file} (an absent file is an empty, valid log).
   *
   * @throws AuditChainException naming the first line that breaks the chain
   */
  public static Verification verify(Path file) {
    return verify(file, (who, subjects) -> { });
  }

  /** Verifies the chain and hands every check entry (route under /api/v1/checks/) to {@code checks}. */
  private static Verification verify(Path file, java.util.function.BiConsumer<String, List<String>> checks) {
    if (!Files.exists(file)) {
      return new Verification(0, GENESIS, 0);
    }
    ObjectMapper mapper = Json.mapper();
    MessageDigest md = sha256();
    HexFormat hex = HexFormat.of();
    String prev = GENESIS;
    long n = 0;
    long bytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      byte[] line = new byte[4096];
      int len = 0;
      int read;
      while ((read = in.read(buf)) > 0) {
        for (int i = 0; i < read; i++) {
          byte b = buf[i];
          if (b != '\n') {
            if (len == line.length) {
              line = java.util.Arrays.copyOf(line, len * 2);
            }
            line[len++] = b;
            continue;
          }
          n++;
          bytes += len + 1;
          Head h = head(mapper, line, len, n, file);
          if (!prev.equals(h.prev)) {
            throw new AuditChainException(n, file + " line " + n + ": prev hash " + abbreviate(h.prev)
                + " does not match the SHA-256 of line " + (n - 1) + " (" + abbreviate(prev)
                + "); line " + (n - 1) + " or " + n + " was edited, inserted or removed");
          }
          if (h.seq != n) {
            throw new AuditChainException(n, file + " line " + n + ": seq " + h.seq + " where " + n
                + " was expected; lines were removed or reordered");
          }
          if (h.status == 200 && h.route.startsWith(CHECKS)) {
            checks.accept(h.who, h.subjects);
          }
          md.update(line, 0, len);
          prev = hex.formatHex(md.digest());
          len = 0;
        }
      }
      if (len > 0) {
        throw new AuditChainException(n + 1, file + " line " + (n + 1)
            + ": incomplete last line (no newline); the log was cut or is being edited");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Verification(n, prev, bytes);
  }

  private record Head(long seq, String prev, String who, String route, int status, List<String> subjects) {}

  /** Reads the fields verification needs with the streaming parser (the rest is skipped). */
  private static Head head(ObjectMapper mapper, byte[] line, int len, long n, Path file) {
    long seq = -1;
    String prev = "";
    String who = "";
    String route = "";
    int status = 0;
    List<String> subjects = new ArrayList<>(2);
    try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(line, 0, len)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new AuditChainException(n, file + " line " + n + ": not a JSON audit entry");
      }
      com.fasterxml.jackson.core.JsonToken t;
      while ((t = p.nextToken()) == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if ("seq".equals(name)) {
          seq = p.getValueAsLong(-1);
        } else if ("prev".equals(name)) {
          prev = p.getValueAsString("");
        } else if ("who".equals(name)) {
          who = p.getValueAsString("");
        } else if ("route".equals(name)) {
          route = p.getValueAsString("");
        } else if ("status".equals(name)) {
          status = p.getValueAsInt(0);
        } else if ("subjects".equals(name) && p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
          while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
            subjects.add(p.getText());
          }
        } else {
          p.skipChildren();
        }
      }
      if (t != com.fasterxml.jackson.core.JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new AuditChainException(n, file + " line " + n + ": not a JSON audit entry");
      }
    } catch (IOException e) {
      throw new AuditChainException(n, file + " line " + n + ": not a JSON audit entry");
    }
    return new Head(seq, prev, who, route, status, subjects);
  }

  /**
   * Verifies this log's whole chain as it is on disk now (no entry is appended meanwhile) and that its last line is
   * the head this log holds in memory.
   *
   * @throws AuditChainException naming the first line that breaks the chain
   */
  public Verification verifyNow() {
    synchronized (this) {
      Verification v = verify(file);
      if (!v.head().equals(head)) {
        throw new AuditChainException(v.entries(), file + ": the last line's hash " + abbreviate(v.head())
            + " is not the head this server wrote (" + abbreviate(head) + "); lines were removed at the end");
      }
      return v;
    }
  }

  /** Appends one entry and returns it as written. */
  public AuditEntry append(Caller caller, String method, String route, String path, List<String> subjects,
      int status, String outcome) {
    synchronized (this) {
      AuditEntry e = new AuditEntry(seq + 1, clock.instant(), caller.name(),
          caller.role().map(Enum::name).orElse(""), method, route, path, subjects, status, outcome, head);
      byte[] line;
      try {
        line = mapper.writeValueAsBytes(e);
      } catch (JsonProcessingException ex) {
        throw new IllegalStateException("an audit entry is always serialisable", ex);
      }
      ByteBuffer buf = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
      try {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      } catch (IOException ex) {
        throw new CredgraphException("cannot append to the audit log " + file + ": " + ex.getMessage(), ex);
      }
      seq = e.seq();
      head = sha256(line, 0, line.length);
      committedBytes += line.length + 1;
      remember(e);
      return e;
    }
  }

  private void remember(AuditEntry e) {
    if (e.status() == 200 && e.route().startsWith(CHECKS)) {
      checked.computeIfAbsent(e.who(), k -> ConcurrentHashMap.newKeySet()).addAll(e.subjects());
    }
  }

  /** Whether the key named {@code who} has run a successful check on {@code subject} (a subject id). */
  public boolean hasChecked(String who, String subject) {
    Set<String> s = checked.get(who);
    return s != null && s.contains(subject);
  }

  /** The entries matching {@code q}, oldest first, at most {@code q.limit()}; {@code more} tells if others follow. */
  public Result query(AuditQuery q) {
    List<AuditEntry> out = new ArrayList<>();
    boolean[] more = {false};
    scan(Integer.MAX_VALUE, e -> {
      if (q.matches(e)) {
        if (out.size() == q.limit()) {
          more[0] = true;
          return false;
        }
        out.add(e);
      }
      return true;
    });
    return new Result(List.copyOf(out), more[0]);
  }

  /** A page of entries. */
  public record Result(List<AuditEntry> entries, boolean more) {}

  private interface Visitor {
    boolean visit(AuditEntry e);
  }

  private void scan(int max, Visitor v) {
    long limit = committedBytes;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        BufferedReader r = new BufferedReader(new InputStreamReader(
            new BoundedInputStream(Channels.newInputStream(ch), limit), StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null && n++ < max) {
        if (!v.visit(mapper.readValue(line, AuditEntry.class))) {
          return;
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // an empty log that was never written
    } catch (IOException e) {
      throw new CredgraphException("cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 (hex) of the last line, or {@link #GENESIS} for an empty log. */
  public synchronized String head() {
    return head;
  }

  public synchronized long size() {
    return seq;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      synchronized (this) {
        if (channel.isOpen()) {
          channel.force(false);
          channel.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(byte[] b, int off, int len) {
    MessageDigest md = sha256();
    md.update(b, off, len);
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String abbreviate(String h) {
    return h.length() > 12 ? h.substring(0, 12) + "..." : h;
  }

  /** Reads at most {@code limit} bytes: entries being appended past the committed length are not read half-way. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
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
