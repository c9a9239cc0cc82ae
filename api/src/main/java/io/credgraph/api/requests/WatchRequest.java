package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import io.credgraph.api.view.SubjectParam;
import java.util.List;

/**
 * {@code POST /api/v1/watchlist}: subjects to add to the caller's watchlist (1 to 1,000), each by
 * the opaque {@code id} this API hands out or by natural key ({@code uscc}, or {@code idNumber}
 * with an optional {@code idType}, or {@code scheme} and {@code externalId}).
 */
public record WatchRequest(List<SubjectParam> subjects) {
  public static final int MAX = 1000;

  public WatchRequest {
    if (subjects == null || subjects.isEmpty()) {
      throw new ValidationException(
          "subjects",
          "subjects is required: a list of {\"id\": ...}, {\"uscc\": ...} or "
              + "{\"idNumber\": ...}");
    }
    if (subjects.size() > MAX) {
      throw new ValidationException(
          "subjects",
          "a watchlist request takes at most " + MAX + " subjects, got " + subjects.size());
    }
    for (int i = 0; i < subjects.size(); i++) {
      if (subjects.get(i) == null) {
        throw new ValidationException("subjects[" + i + "]", "a subject cannot be null");
      }
    }
    subjects = List.copyOf(subjects);
  }
}
