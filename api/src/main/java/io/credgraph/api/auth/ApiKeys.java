package io.credgraph.api.auth;

import io.credgraph.CredgraphException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured API keys, each with one role. Keys are held only as SHA-256 digests and compared
 * in constant time ({@link MessageDigest#isEqual}) against every configured key, so neither the
 * answer nor its timing tells how much of a presented key was right.
 *
 * <p>Configuration (API.md): one entry per line in a keys file ({@code #} starts a comment), or
 * entries separated by commas in the environment variable {@code CREDGRAPH_API_KEYS}. An entry is
 * {@code name:key:ROLE} or {@code key:ROLE}; a DEPARTMENT key may name its department ({@code
 * name:key:DEPARTMENT:DEPT_CODE}, needed to give feedback on its checks) and a SUBJECT key must
 * name its one subject ({@code name:key:SUBJECT:SUBJECT_ID}). Keys have at least {@value
 * #MIN_KEY_LENGTH} characters. A key without a name is named {@code ROLE#position} (its line in the
 * file, or its entry in the variable): nothing derived from a key or its digest is ever shown,
 * logged or audited.
 *
 * <p>Keys read from a file ({@link #watching}) follow the file: a changed file is read again before
 * the next request is authenticated; a file that no longer reads leaves the keys as they were and
 * logs why.
 */
public final class ApiKeys {
  /** The environment variable read by {@code credgraph serve}. */
  public static final String ENV = "CREDGRAPH_API_KEYS";

  /** The shortest key accepted. */
  public static final int MIN_KEY_LENGTH = 32;

  private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<Entry> fixed;
  private final Path file;
  private volatile List<Entry> entries;
  private volatile Stamp stamp;

  private record Entry(
      String name,
      Role role,
      byte[] digest,
      Optional<String> department,
      Optional<String> subject) {}

  /** What identifies a version of the keys file without reading it. */
  private record Stamp(long modifiedNanos, long size, Object fileKey) {}

  private ApiKeys(List<Entry> fixed, Path file, List<Entry> fromFile, Stamp stamp) {
    this.fixed = List.copyOf(fixed);
    this.file = file;
    this.stamp = stamp;
    this.entries = concat(this.fixed, fromFile);
  }

  private ApiKeys(List<Entry> entries) {
    this(entries, null, List.of(), null);
  }

  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  /** Parses comma-separated entries (the environment variable's form). */
  public static ApiKeys parse(String spec, String source) {
    List<Entry> out = new ArrayList<>();
    if (spec != null) {
      String[] parts = spec.split(",");
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i].trim();
        if (!p.isEmpty()) {
          out.add(entry(p, source + ", entry " + (i + 1), i + 1));
        }
      }
    }
    return new ApiKeys(out);
  }

  /** Reads a keys file once: one entry per line, {@code #} comments. */
  public static ApiKeys read(Path file) {
    return new ApiKeys(readEntries(file));
  }

  /**
   * The keys of {@code fixed} and those of {@code file}, following the file: when it changes, it is
   * read again before the next key is checked.
   */
  public static ApiKeys watching(ApiKeys fixed, Path file) {
    Objects.requireNonNull(file, "file");
    Stamp s = stamp(file);
    return new ApiKeys(fixed.entries, file, readEntries(file), s);
  }

  private static List<Entry> readEntries(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CredgraphException("cannot read keys file " + file + ": " + e.getMessage(), e);
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
      if (!content.isEmpty()) {
        out.add(entry(content, file + ", line " + (i + 1), i + 1));
      }
    }
    return out;
  }

  /**
   * Both sets of keys; a key configured twice keeps its first role. The result does not follow a
   * file.
   */
  public ApiKeys and(ApiKeys other) {
    List<Entry> all = new ArrayList<>(current());
    all.addAll(other.current());
    return new ApiKeys(all);
  }

  public static ApiKeys of(String name, String key, Role role) {
    return of(name, key, role, Optional.empty());
  }

  /**
   * One key; {@code binding} is the department of a DEPARTMENT key or the subject id of a SUBJECT
   * key.
   */
  public static ApiKeys of(String name, String key, Role role, Optional<String> binding) {
    return new ApiKeys(List.of(entry(name, key, role, binding, "key " + name)));
  }

  /**
   * A fresh random key (43 characters, 256 bits), to be shown once and stored only in the keys
   * file.
   */
  public static String newKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The keys file line for a key, checked as the file's reader will check it. */
  public static String line(String name, String key, Role role, Optional<String> binding) {
    entry(name, key, role, binding, "the new key");
    return name + ":" + key + ":" + role.name() + binding.map(b -> ":" + b).orElse("");
  }

  private static Entry entry(String text, String where, int position) {
    String[] f = text.split(":", -1);
    if (f.length < 2 || f.length > 4) {
      throw new CredgraphException(
          where
              + ": expected name:key:ROLE, key:ROLE, name:key:DEPARTMENT:DEPT_CODE or "
              + "name:key:SUBJECT:SUBJECT_ID");
    }
    Role role;
    int roleAt = f.length == 2 ? 1 : 2;
    try {
      role = Role.parse(f[roleAt]);
    } catch (IllegalArgumentException e) {
      String given = f[roleAt].trim();
      // a value that could be a key (a line with a field left out) is never echoed into a message
      // or a log
      throw new CredgraphException(
          where
              + ": "
              + (given.matches("[A-Za-z_]{1,20}")
                  ? "'" + given + "' is not a role"
                  : "the role field is not a role")
              + " (roles: "
              + java.util.Arrays.toString(Role.values())
              + ")");
    }
    String key = f[roleAt - 1].trim();
    String name = f.length == 2 ? role.name() + "#" + position : f[0].trim();
    Optional<String> binding = f.length == 4 ? Optional.of(f[3].trim()) : Optional.empty();
    return entry(name, key, role, binding, where);
  }

  private static Entry entry(
      String name, String key, Role role, Optional<String> binding, String where) {
    if (key.length() < MIN_KEY_LENGTH) {
      throw new CredgraphException(
          where
              + ": a key needs at least "
              + MIN_KEY_LENGTH
              + " characters, this one has "
              + key.length()
              + "; make one with ./credgraph keys issue");
    }
    if (!key.matches("[\\x21-\\x7e&&[^:#,]]+")) {
      throw new CredgraphException(
          where + ": a key is printable ASCII without spaces, ':', '#' or ','");
    }
    if (!name.matches("[A-Za-z0-9_.#-]{1,64}")) {
      throw new CredgraphException(
          where + ": a key name has 1 to 64 letters, digits, '_', '.', '#' or '-'");
    }
    Optional<String> department = Optional.empty();
    Optional<String> subject = Optional.empty();
    if (binding.isPresent()) {
      String b = binding.get();
      if (role == Role.DEPARTMENT) {
        if (!b.matches("[A-Z][A-Z0-9_]{1,63}")) {
          throw new CredgraphException(
              where
                  + ": a department code is upper-case letters, digits and '_' "
                  + "(e.g. MARKET_REGULATION)"
                  + (b.length() < 20 ? ", not '" + b + "'" : ""));
        }
        department = Optional.of(b);
      } else if (role == Role.SUBJECT) {
        if (!b.matches("s[0-9a-z]{6,40}")) {
          throw new CredgraphException(
              where
                  + ": a SUBJECT key is bound to a subject id (s...), the id this API "
                  + "hands out; ./credgraph keys issue --subject finds it from a USCC or an ID number");
        }
        subject = Optional.of(b);
      } else {
        throw new CredgraphException(
            where + ": only DEPARTMENT and SUBJECT keys take a binding (a fourth field)");
      }
    } else if (role == Role.SUBJECT) {
      throw new CredgraphException(
          where + ": a SUBJECT key must name its subject: name:key:SUBJECT:SUBJECT_ID");
    }
    return new Entry(name, role, digest(key), department, subject);
  }

  /**
   * The caller a presented key belongs to; empty for an unknown key. Takes the same time for every
   * answer.
   */
  public Optional<Caller> authenticate(String presented) {
    byte[] d = digest(presented == null ? "" : presented);
    Entry found = null;
    for (Entry e : current()) {
      if (MessageDigest.isEqual(e.digest, d) && found == null) {
        found = e;
      }
    }
    return found == null
        ? Optional.empty()
        : Optional.of(
            new Caller(found.name, Optional.of(found.role), found.department, found.subject));
  }

  /** The keys now in force, after reading the keys file again if it changed. */
  private List<Entry> current() {
    if (file != null) {
      Stamp now = stamp(file);
      if (!now.equals(stamp)) {
        reload(now);
      }
    }
    return entries;
  }

  private synchronized void reload(Stamp now) {
    if (now.equals(stamp)) {
      return;
    }
    stamp = now;
    try {
      List<Entry> read = readEntries(file);
      entries = concat(fixed, read);
      LOG.info("keys file {} read again: {} keys", file, read.size());
    } catch (CredgraphException e) {
      LOG.warn("keys file changed but is kept as it was: {}", e.getMessage());
    }
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(
          a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
          a.size(),
          a.fileKey());
    } catch (IOException e) {
      return new Stamp(-1, -1, null);
    }
  }

  private static List<Entry> concat(List<Entry> a, List<Entry> b) {
    List<Entry> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  public int size() {
    return current().size();
  }

  public boolean isEmpty() {
    return current().isEmpty();
  }

  /** Names, roles and bindings, for start-up messages (never the keys). */
  public List<String> describe() {
    return current().stream()
        .map(
            e ->
                e.name
                    + " ("
                    + e.role
                    + e.department.map(d -> " of " + d).orElse("")
                    + e.subject.map(s -> " for " + s).orElse("")
                    + ")")
        .toList();
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
