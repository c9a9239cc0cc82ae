package io.credgraph.analysis;

import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.util.Objects;

/**
 * One match of a subject search. {@code key} is the full natural key: the API shows it masked for
 * persons unless the caller may see ID numbers.
 *
 * @param score higher is better: key 5, exact name 4, prefix 3, substring 2, shared bigrams in
 *     [2/3, 1)
 */
public record SearchHit(
    int node,
    SubjectId id,
    SubjectKind kind,
    SubjectKey key,
    String name,
    Match match,
    double score) {
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
  }

  /** How the subject matched, best first. */
  public enum Match {
    USCC,
    ID_NUMBER,
    EXACT_NAME,
    NAME_PREFIX,
    NAME_SUBSTRING,
    NAME_BIGRAMS
  }

  @Override
  public String toString() {
    return "SearchHit["
        + id
        + " "
        + kind
        + " "
        + key
        + " "
        + name
        + " "
        + match
        + " "
        + score
        + "]";
  }
}
