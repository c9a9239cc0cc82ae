package io.credgraph.api.requests;

import io.credgraph.ValidationException;
import java.util.Optional;

/**
 * {@code POST /api/v1/subjects/search}: the query in the body, where an ID number may travel (never
 * in a URL): a name or part of one, a USCC, or an ID number; {@code limit} matches per page (1-200,
 * default 20) and the {@code cursor} of the previous page.
 */
public record SearchRequest(String q, Optional<Integer> limit, Optional<String> cursor) {
  public static final int MAX_LIMIT = 200;
  public static final int MAX_QUERY = 200;

  public SearchRequest {
    if (q == null || q.isBlank()) {
      throw new ValidationException(
          "q", "q is required: a name or part of one, a USCC, or an ID number");
    }
    q = q.strip();
    if (q.length() > MAX_QUERY) {
      throw new ValidationException(
          "q", "q is at most " + MAX_QUERY + " characters, not " + q.length());
    }
    limit = limit == null ? Optional.empty() : limit;
    cursor = cursor == null ? Optional.empty() : cursor;
    if (limit.isPresent() && (limit.get() < 1 || limit.get() > MAX_LIMIT)) {
      throw new ValidationException(
          "limit", "limit must be from 1 to " + MAX_LIMIT + ", not " + limit.get());
    }
    if (cursor.isPresent() && !cursor.get().strip().matches("\\d{1,9}")) {
      throw new ValidationException(
          "cursor",
          "cursor is not one this API handed out (use the 'next' value of the " + "previous page)");
    }
  }

  public int limitOr(int def) {
    return limit.orElse(def);
  }

  public int offset() {
    return cursor.map(c -> Integer.parseInt(c.strip())).orElse(0);
  }
}
