package io.credgraph.api.controllers;

import io.credgraph.ValidationException;
import io.credgraph.analysis.GraphView;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ResidentId;
import io.credgraph.model.SubjectKey;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The {@code q} filter of a published list ({@code GET /api/v1/lists/{code}?q=}): entries whose
 * subject's name contains it, or whose USCC is it. An ID number is refused (it would sit in the
 * address); persons are found by name.
 */
final class ListFilter {
  private ListFilter() {}

  static List<CreditRecord> apply(Context ctx, GraphView g, List<CreditRecord> all) {
    String q = ctx.queryParam("q");
    if (q == null || q.isBlank()) {
      return all;
    }
    String text = q.strip();
    if (ResidentId.isValid(text)) {
      throw new ValidationException(
          "q",
          "an ID number may not be sent in an address; published lists are "
              + "searched by name or USCC");
    }
    String upper = text.toUpperCase(Locale.ROOT);
    return all.stream()
        .filter(
            r -> {
              int node = g.node(r.subject());
              if (node < 0) {
                return false;
              }
              if (g.key(node) instanceof SubjectKey.Org o && o.uscc().value().equals(upper)) {
                return true;
              }
              return g.name(node).contains(text);
            })
        .toList();
  }
}
