package io.credgraph.exchange;

import java.util.Locale;

/**
 * The delivering department of a batch when neither the line nor the caller names one, read from
 * the file name as the datasets module writes them ({@code
 * NN-department[.what][.partNNN].jsonl[.gz]}): the name up to its first {@code .}, without a
 * leading {@code NN-} and trailing {@code -NNNN} groups (dates), hyphens as underscores,
 * upper-cased. {@code 02-market-regulation.jsonl} and {@code
 * 03-market-regulation.relations.part002.jsonl.gz} are {@code MARKET_REGULATION}, {@code
 * 0042-court-2024-05.jsonl} is {@code COURT}; a name with no letters gives {@code UNKNOWN}.
 */
public final class Departments {
  private Departments() {}

  public static String fromBatchName(String name) {
    String base = name;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (slash >= 0) {
      base = base.substring(slash + 1);
    }
    int dot = base.indexOf('.');
    if (dot >= 0) {
      base = base.substring(0, dot);
    }
    base = base.replaceFirst("^\\d+[-_ ]+", "").replaceFirst("([-_ ]+\\d+)+$", "").strip();
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      return "UNKNOWN";
    }
    return base.replaceAll("[- ]+", "_").toUpperCase(Locale.ROOT);
  }
}
