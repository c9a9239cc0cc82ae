package io.credgraph.api.view;

import java.util.List;
import java.util.Optional;

/**
 * Who the caller is for the web pages: the key's name and role (both absent without a key) and
 * every page with whether this key may use it, decided by the server; and what it may do with
 * enforcement feedback.
 */
public record SessionView(
    Optional<String> name, Optional<String> role, List<PageAccess> pages, FeedbackAccess feedback) {
  /**
   * A page of the web workspace: its id, its address, the role it needs, and whether the caller may
   * use it.
   */
  /**
   * What the key may do with enforcement feedback (DOMAIN.md section 7), so that pages offer only
   * that.
   *
   * @param department the department a DEPARTMENT key belongs to (absent for other keys)
   * @param send whether it may give feedback on its department's checks (a key bound to a
   *     department)
   * @param report whether it may read the whole report, {@code GET /api/v1/feedback}
   */
  public record FeedbackAccess(Optional<String> department, boolean send, boolean report) {}

  public record PageAccess(String id, String path, Optional<String> role, boolean allowed) {}
}
