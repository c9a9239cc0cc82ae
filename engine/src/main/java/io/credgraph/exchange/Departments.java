package io.credgraph.exchange;

import java.util.Locale;

/**
 * The delivering department of a batch when neither the line nor the caller names one: the first run of parts of the
 * file name that start with a letter, the parts separated by {@code -} and the run ended by a part that does not start
 * with a letter, a {@code .} or a space; upper-cased and joined by {@code _}. {@code 003-court-2024.jsonl} is
 * {@code COURT}, {@code 02-market-regulation.jsonl} and {@code MARKET_REGULATION.jsonl.gz} are
 * {@code MARKET_REGULATION}, {@code 03-market-regulation.relations.part002.jsonl.gz} is {@code MARKET_REGULATION};
 * a name with no letters gives {@code UNKNOWN}.
 */
public final class Departments {
  private Departments() {}

  public static String fromBatchName(String name) {
    String base = name;
    int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
    if (slash >= 0) {
      base = base.substring(slash + 1);
    }
    base = base.replaceFirst("(?i)(\\.jsonl|\\.json|\\.ndjson)?(\\.gz)?$", "");
    for (String word : base.split("[. ]+")) {
      StringBuilder dept = new StringBuilder();
      for (String part : word.split("-+")) {
        if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
          dept.append(dept.length() == 0 ? "" : "_").append(part.toUpperCase(Locale.ROOT));
        } else if (dept.length() > 0) {
          break;
        }
      }
      if (dept.length() > 0) {
        return dept.toString();
      }
    }
    return "UNKNOWN";
  }
}
