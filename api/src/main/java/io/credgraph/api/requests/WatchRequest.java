package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/watchlist}: subjects to add to the caller's watchlist (1 to 1,000), each by the opaque
 * {@code id} this API hands out or by natural key ({@code uscc}, or {@code idNumber} with an optional
 * {@code idType}).
 */
public record WatchRequest(List<Target> subjects) {
  public static final int MAX = 1000;

  public WatchRequest {
    if (subjects == null || subjects.isEmpty()) {
      throw new ValidationException("subjects", "subjects is required: a list of {\"id\": ...}, {\"uscc\": ...} or "
          + "{\"idNumber\": ...}");
    }
    if (subjects.size() > MAX) {
      throw new ValidationException("subjects", "a watchlist request takes at most " + MAX + " subjects, got "
          + subjects.size());
    }
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i) == null) {
        throw new ValidationException("subjects[" + i + "]", "a subject cannot be null");
      }
    }
    subjects = List.copyOf(subjects);
  }

  /** One subject: exactly one of {@code id}, {@code uscc}, {@code idNumber}. */
  public record Target(Optional<String> id, Optional<String> uscc, Optional<String> idNumber,
      Optional<String> idType) {
    public Target {
      id = id == null ? Optional.empty() : id;
      uscc = uscc == null ? Optional.empty() : uscc;
      idNumber = idNumber == null ? Optional.empty() : idNumber;
      idType = idType == null ? Optional.empty() : idType;
      int given = (id.isPresent() ? 1 : 0) + (uscc.isPresent() ? 1 : 0) + (idNumber.isPresent() ? 1 : 0);
      if (given != 1) {
        throw new ValidationException(null, "a subject is given by exactly one of id, uscc or idNumber");
      }
      if (idType.isPresent() && idNumber.isEmpty()) {
        throw new ValidationException("idType", "idType goes with idNumber");
      }
    }
  }
}
