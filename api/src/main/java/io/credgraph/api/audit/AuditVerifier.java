package io.credgraph.api.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Walks the audit file line by line and checks every link of the chain, the sequence numbers and
 * the mode: with a key, every line after the first keyed one must be keyed (a plain link there is a
 * rewrite); without a key, a keyed line cannot be checked and is refused. Bytes after the last
 * newline are not an entry: they are reported as the tail (what a crash during a write leaves) for
 * the caller to refuse or repair.
 */
final class AuditVerifier {
  /**
   * Successful check entries (route under this prefix, status 200) give their key sight of the
   * subjects.
   */
  static final String CHECKS = "/api/v1/checks/";

  /**
   * What verifying found.
   *
   * @param entries complete lines, all verified
   * @param head the link the next entry must carry as {@code prev}
   * @param bytes the length of the complete lines
   * @param firstKeyed the first keyed line (1-based), 0 when no line is keyed
   * @param tail bytes after the last newline (an incomplete last line), 0 normally
   */
  record Result(long entries, String head, long bytes, long firstKeyed, long tail) {}

  private AuditVerifier() {}

  /**
   * Verifies at most {@code limit} bytes of {@code file} (an absent file is an empty log).
   *
   * @param checks receives (who, subjects) of every successful check entry
   * @throws AuditChainException naming the first line that fails
   */
  static Result verify(
      Path file, Optional<AuditKey> key, long limit, BiConsumer<String, List<String>> checks) {
    AuditChain chain = new AuditChain(key);
    if (!Files.exists(file)) {
      return new Result(0, chain.genesis(), 0, 0, 0);
    }
    AuditLines lines = new AuditLines();
    String where = file.toString();
    String plainPrev = AuditChain.GENESIS;
    String keyedPrev = key.isPresent() ? chain.genesis() : null;
    long n = 0;
    long bytes = 0;
    long firstKeyed = 0;
    long total = 0;
    byte[] line = new byte[4096];
    int len = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      int read;
      while (total < limit
          && (read = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0) {
        total += read;
        for (int i = 0; i < read; i++) {
          byte b = buf[i];
          if (b != '\n') {
            if (len == line.length) {
              line = Arrays.copyOf(line, len * 2);
            }
            line[len++] = b;
            continue;
          }
          n++;
          AuditLines.Head h = lines.head(line, len, n, where);
          if (AuditChain.isKeyed(h.prev())) {
            if (key.isEmpty()) {
              throw new AuditChainException(
                  n,
                  where
                      + " line "
                      + n
                      + ": the entry is keyed (HMAC-SHA256); verify "
                      + "the log with its key ("
                      + AuditKey.ENV
                      + " or --audit-key-file)");
            }
            if (!keyedPrev.equals(h.prev())) {
              throw new AuditChainException(
                  n,
                  where
                      + " line "
                      + n
                      + ": prev "
                      + abbreviate(h.prev())
                      + " is not the HMAC of line "
                      + (n - 1)
                      + " under this key; line "
                      + (n - 1)
                      + " or "
                      + n
                      + " was edited, inserted or removed, or the key is not the one the log was written with");
            }
            if (firstKeyed == 0) {
              firstKeyed = n;
            }
          } else {
            if (firstKeyed > 0) {
              throw new AuditChainException(
                  n,
                  where
                      + " line "
                      + n
                      + ": a plain SHA-256 link after keyed entries "
                      + "(keyed from line "
                      + firstKeyed
                      + "); the file was rewritten without the key");
            }
            if (!plainPrev.equals(h.prev())) {
              throw new AuditChainException(
                  n,
                  where
                      + " line "
                      + n
                      + ": prev hash "
                      + abbreviate(h.prev())
                      + " does not match the SHA-256 of line "
                      + (n - 1)
                      + " ("
                      + abbreviate(plainPrev)
                      + "); line "
                      + (n - 1)
                      + " or "
                      + n
                      + " was edited, inserted or removed");
            }
          }
          if (h.seq() != n) {
            throw new AuditChainException(
                n,
                where
                    + " line "
                    + n
                    + ": seq "
                    + h.seq()
                    + " where "
                    + n
                    + " was expected; lines were removed or reordered");
          }
          if (h.status() == 200 && h.route().startsWith(CHECKS)) {
            checks.accept(h.who(), h.subjects());
          }
          plainPrev = chain.plain(line, len);
          if (key.isPresent()) {
            keyedPrev = chain.link(line, len);
          }
          bytes += len + 1;
          len = 0;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String head = n == 0 ? chain.genesis() : key.isPresent() ? keyedPrev : plainPrev;
    return new Result(n, head, bytes, firstKeyed, len);
  }

  static String abbreviate(String h) {
    return h.length() > 17 ? h.substring(0, 17) + "..." : h;
  }
}
