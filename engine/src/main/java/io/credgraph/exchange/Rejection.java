package io.credgraph.exchange;

import java.util.Objects;

/**
 * A line set aside: which file and line, which field and why. One JSON object per line in the
 * rejection file.
 *
 * @param file the batch name (for a pending fact applied later: the batch that delivered it)
 * @param line 1-based line number; 0 when the whole batch is refused
 * @param field the offending field as a path ({@code from.idNumber}), or {@code (line)} / {@code
 *     (file)}
 * @param reason what is wrong and what to fix; never a full ID number
 */
public record Rejection(String file, long line, String field, String reason) {
  public Rejection {
    Objects.requireNonNull(file, "file");
    field = field == null || field.isBlank() ? LineParser.LINE : field;
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code file:line: field: reason}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + field + ": " + reason;
  }
}
