package io.credgraph.api.audit;

import io.credgraph.CredgraphException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The secret of the keyed audit chain (HMAC-SHA256): from the environment variable {@value #ENV} or
 * from a key file that lies outside the data directory, at least {@value #MIN_LENGTH} characters.
 * Never printed, logged or written to the audit log.
 */
public final class AuditKey {
  public static final String ENV = "CREDGRAPH_AUDIT_KEY";
  public static final int MIN_LENGTH = 32;

  private final byte[] secret;
  private final String source;

  private AuditKey(byte[] secret, String source) {
    this.secret = secret;
    this.source = source;
  }

  /**
   * A key from text (the environment variable or a key file's content, surrounding white space
   * removed).
   */
  public static AuditKey of(String text, String source) {
    String t = text == null ? "" : text.strip();
    if (t.length() < MIN_LENGTH) {
      throw new CredgraphException(
          "the audit key from "
              + source
              + " has "
              + t.length()
              + " characters; at least "
              + MIN_LENGTH
              + " are needed (e.g. openssl rand -hex 32)");
    }
    return new AuditKey(t.getBytes(StandardCharsets.UTF_8), source);
  }

  /**
   * The key of {@code keyFile} if given, else of the environment value {@code env} if set, else
   * none. A key file in {@code dataDir} is refused: whoever can rewrite the log could then
   * recompute the chain.
   */
  public static Optional<AuditKey> resolve(Path keyFile, String env, Path dataDir) {
    if (keyFile != null) {
      return Optional.of(read(keyFile, dataDir));
    }
    if (env != null && !env.isBlank()) {
      return Optional.of(of(env, "the environment variable " + ENV));
    }
    return Optional.empty();
  }

  /** Reads a key file, refusing one inside {@code dataDir} (when given). */
  public static AuditKey read(Path keyFile, Path dataDir) {
    if (dataDir != null && inside(keyFile, dataDir)) {
      throw new CredgraphException(
          "the audit key file "
              + keyFile
              + " is inside the data directory "
              + dataDir
              + "; keep it elsewhere (whoever can rewrite the audit log must not be able to read its key)");
    }
    try {
      return of(Files.readString(keyFile, StandardCharsets.UTF_8), "the key file " + keyFile);
    } catch (IOException e) {
      throw new CredgraphException("cannot read the audit key file " + keyFile + ": " + e, e);
    }
  }

  static boolean inside(Path file, Path dir) {
    Path f = real(file);
    Path d = real(dir);
    return f.startsWith(d);
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      return parent == null ? abs : real(parent).resolve(abs.getFileName());
    }
  }

  byte[] secret() {
    return secret.clone();
  }

  /** Where the key came from (never the key). */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "AuditKey[" + source + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditKey k && Arrays.equals(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(secret);
  }
}
