package io.credgraph.api.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The links of the audit chain: each entry's {@code prev} is computed over the previous line
 * exactly as written. Unkeyed, it is the SHA-256 of that line in hex ({@link #GENESIS} for the
 * first line); keyed, it is {@code hmac:} followed by the HMAC-SHA256 of that line under the audit
 * key (the first keyed line of an empty log links to the HMAC of {@link #KEYED_GENESIS_TEXT}).
 * Without the key a rewritten file cannot carry valid keyed links, so a rewrite with recomputed
 * plain hashes is detected. Not thread-safe: one instance per writer or verifier.
 */
final class AuditChain {
  /** The {@code prev} of the first entry of an unkeyed log. */
  static final String GENESIS = "0".repeat(64);

  static final String KEYED_PREFIX = "hmac:";
  static final String KEYED_GENESIS_TEXT = "credgraph audit log";

  private final Optional<Mac> mac;
  private final MessageDigest sha = sha256();
  private final HexFormat hex = HexFormat.of();

  AuditChain(Optional<AuditKey> key) {
    this.mac = key.map(AuditChain::hmac);
  }

  boolean keyed() {
    return mac.isPresent();
  }

  /** The link the first line of an empty log carries. */
  String genesis() {
    return mac.map(
            m ->
                KEYED_PREFIX
                    + hex.formatHex(m.doFinal(KEYED_GENESIS_TEXT.getBytes(StandardCharsets.UTF_8))))
        .orElse(GENESIS);
  }

  /** The link to {@code line[0..len)}: what the next line's {@code prev} must be. */
  String link(byte[] line, int len) {
    if (mac.isPresent()) {
      Mac m = mac.get();
      m.update(line, 0, len);
      return KEYED_PREFIX + hex.formatHex(m.doFinal());
    }
    return plain(line, len);
  }

  /** The unkeyed link to {@code line[0..len)} (SHA-256 hex), whatever this chain's key. */
  String plain(byte[] line, int len) {
    sha.update(line, 0, len);
    return hex.formatHex(sha.digest());
  }

  static boolean isKeyed(String prev) {
    return prev.startsWith(KEYED_PREFIX);
  }

  static String sha256Hex(byte[] b) {
    return HexFormat.of().formatHex(sha256().digest(b));
  }

  private static Mac hmac(AuditKey key) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
      return m;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
