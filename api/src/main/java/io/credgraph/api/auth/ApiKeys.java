package io.credgraph.api.auth;

import io.credgraph.CredgraphException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, each with one role. Keys are held only as SHA-256 digests and compared in constant time
 * ({@link MessageDigest#isEqual}) against every configured key, so neither the answer nor its timing tells how much
 * of a presented key was right.
 *
 * <p>Configuration: {@code key:ROLE} pairs (optionally {@code name:key:ROLE}) separated by commas in the environment
 * variable {@code CREDGRAPH_API_KEYS}, or one pair per line in a keys file ({@code #} starts a comment). A key without a
 * name is named by its role and the first 8 hex digits of its digest, so logs and the audit log never hold a key.
 */
public final class ApiKeys {
  /** The environment variable read by {@code credgraph serve}. */
  public static final String ENV = "CREDGRAPH_API_KEYS";
  private static final int MIN_KEY_LENGTH = 8;

  private final List<Entry> entries;

  private record Entry(String name, Role role, byte[] digest) {}

  private ApiKeys(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ApiKeys none() {
    return new ApiKeys(List.of());
  }

  /** Parses comma-separated pairs (the environment variable's form). */
  public static ApiKeys parse(String spec, String source) {
    List<Entry> out = new ArrayList<>();
    if (spec != null) {
      String[] parts = spec.split(",");
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i].trim();
        if (!p.isEmpty()) {
          out.add(entry(p, source + ", entry " + (i + 1)));
        }
      }
    }
    return new ApiKeys(out);
  }

  /** Reads a keys file: one {@code key:ROLE} (or {@code name:key:ROLE}) per line, {@code #} comments. */
  public static ApiKeys read(Path file) {
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
        out.add(entry(content, file + ", line " + (i + 1)));
      }
    }
    return new ApiKeys(out);
  }

  /** Both sets of keys; a key configured twice keeps its first role. */
  public ApiKeys and(ApiKeys other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new ApiKeys(all);
  }

  public static ApiKeys of(String name, String key, Role role) {
    return new ApiKeys(List.of(new Entry(name, role, digest(key))));
  }

  private static Entry entry(String text, String where) {
    String[] f = text.split(":", -1);
    if (f.length < 2 || f.length > 3) {
      throw new CredgraphException(where + ": expected key:ROLE or name:key:ROLE");
    }
    String key = f[f.length - 2].trim();
    Role role;
    try {
      role = Role.parse(f[f.length - 1]);
    } catch (IllegalArgumentException e) {
      throw new CredgraphException(where + ": " + e.getMessage(), e);
    }
    if (key.length() < MIN_KEY_LENGTH) {
      throw new CredgraphException(where + ": a key needs at least " + MIN_KEY_LENGTH + " characters");
    }
    byte[] d = digest(key);
    String name = f.length == 3 ? f[0].trim() : role.name().toLowerCase(java.util.Locale.ROOT) + "-"
        + HexFormat.of().formatHex(d, 0, 4);
    if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new CredgraphException(where + ": a key name has 1 to 64 letters, digits, '_', '.' or '-'");
    }
    return new Entry(name, role, d);
  }

  /** The caller a presented key belongs to; empty for an unknown key. Takes the same time for every answer. */
  public Optional<Caller> authenticate(String presented) {
    byte[] d = digest(presented == null ? "" : presented);
    Entry found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.digest, d) && found == null) {
        found = e;
      }
    }
    return found == null ? Optional.empty() : Optional.of(Caller.of(found.name, found.role));
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Names and roles, for start-up messages (never the keys). */
  public List<String> describe() {
    return entries.stream().map(e -> e.name + " (" + e.role + ")").toList();
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
