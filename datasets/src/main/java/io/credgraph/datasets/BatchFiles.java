package io.credgraph.datasets;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention of batch files written by this module: {@code
 * NN-department[.what][.partNNN].jsonl[.gz]}, e.g. {@code 02-market-regulation.jsonl} or {@code
 * 03-market-regulation.relations.part002.jsonl.gz}. File-name order is load order; the department
 * of subject and relation lines (which carry none) is the one the name gives.
 */
public final class BatchFiles {
  private static final Pattern NAME =
      Pattern.compile("\\d+-([a-z][a-z0-9-]*)(\\.[a-z0-9-]+)*\\.jsonl(\\.gz)?");

  private BatchFiles() {}

  /**
   * The department a batch file name gives ({@code 02-market-regulation.jsonl} → {@code
   * MARKET_REGULATION}).
   */
  public static Optional<String> department(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(m.group(1).replace('-', '_').toUpperCase(Locale.ROOT));
  }

  /** Whether {@code fileName} is a batch ({@code .jsonl} or {@code .jsonl.gz}). */
  public static boolean isBatch(String fileName) {
    return fileName.endsWith(".jsonl") || fileName.endsWith(".jsonl.gz");
  }
}
