package io.credgraph.api.controllers;

import io.credgraph.api.ApiBackend;
import io.credgraph.api.view.CatalogueViews;
import io.credgraph.rules.RuleCatalogue;
import io.javalin.http.Context;
import java.util.Comparator;

/**
 * {@code GET /api/v1/lists} (public: which lists exist and which are published) and {@code GET
 * /api/v1/rules} (ADMIN: the rule catalogue as read-only tables).
 */
public final class CatalogueController {
  private final ApiBackend backend;

  public CatalogueController(ApiBackend backend) {
    this.backend = backend;
  }

  public void lists(Context ctx) {
    var lists = backend.catalogue();
    ctx.json(
        new CatalogueViews.ListCatalogueView(
            lists.version(),
            lists.all().stream()
                .sorted(
                    Comparator.comparing((io.credgraph.catalogue.ListDefinition d) -> d.kind())
                        .thenComparing(d -> d.code()))
                .map(CatalogueViews.ListInfo::of)
                .toList()));
  }

  public void rules(Context ctx) {
    RuleCatalogue rules = backend.engine().rules();
    ctx.json(
        new CatalogueViews.RuleCatalogueView(
            rules.version(), rules.rules().stream().map(CatalogueViews.RuleInfo::of).toList()));
  }
}
