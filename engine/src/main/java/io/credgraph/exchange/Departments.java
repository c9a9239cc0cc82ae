package io.credgraph.exchange;

import java.util.Locale;

/**
 * The delivering department of a batch when neither the line nor the caller names one: the first part of the file
 * name that starts with a letter, up to a {@code -}, {@code .} or space, upper-cased. {@code 003-court-2024.jsonl}
 * is {@code COURT}, {@code MARKET_REGULATION.jsonl.gz} is {@code MARKET_REGULATION}; a name with no letters gives
 * {@code UNKNOWN}.
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
    for (String part : base.split("[-. ]+")) {
      if (!part.isEmpty() && Character.isLetter(part.charAt(0))) {
        return part.toUpperCase(Locale.ROOT);
      }
    }
    return "UNKNOWN";
  }
}
