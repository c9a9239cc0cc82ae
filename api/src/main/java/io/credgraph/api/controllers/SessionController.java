package io.credgraph.api.controllers;

import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.view.SessionView;
import io.credgraph.api.web.WebPages;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * {@code GET /api/v1/session}: the caller's key name, role and the pages it may use (public; 401
 * for a bad key).
 */
public final class SessionController {
  public void get(Context ctx) {
    Caller caller = Requests.caller(ctx);
    var pages =
        WebPages.PAGES.stream()
            .map(
                p ->
                    new SessionView.PageAccess(
                        p.id(), p.path(), p.role().map(Enum::name), p.allows(caller.role())))
            .toList();
    ctx.json(
        new SessionView(
            caller.isAnonymous() ? Optional.empty() : Optional.of(caller.name()),
            caller.role().map(Enum::name),
            pages,
            new SessionView.FeedbackAccess(
                caller.department(),
                caller.department().isPresent()
                    && caller.atLeast(io.credgraph.api.auth.Role.DEPARTMENT),
                caller.atLeast(FeedbackController.REPORT))));
  }
}
