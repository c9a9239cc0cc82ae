package io.credgraph.api.docs;

import static io.credgraph.api.docs.ApiDocs.AUTH_401;
import static io.credgraph.api.docs.ApiDocs.ROLE_403;
import static io.credgraph.api.docs.ApiDocs.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.credgraph.api.auth.Role;
import io.credgraph.api.view.CatalogueViews;
import io.credgraph.api.view.SessionView;
import io.credgraph.api.web.WebPages;
import java.util.Optional;

/**
 * The description of the web workspace: its pages (HTML) and the session route the pages start
 * from.
 */
final class WebDocs {
  private WebDocs() {}

  static void describe(ApiDescription d) {
    d.op("GET", "/api/v1/session")
        .summary(
            "web",
            "Session",
            "Who the key sent is (its name and role; both absent without a key) and every web page with whether this "
                + "key may use it. The web pages draw their navigation from it.")
        .access(Optional.empty())
        .ok(SessionView.class, "the caller and the pages")
        .errors(errors(401, AUTH_401))
        .done();
    d.op("GET", "/api/v1/lists")
        .summary(
            "lists",
            "List catalogue",
            "Every list of the catalogue (code, name, kind, issuing department) and whether it is published; RED and "
                + "BLACK lists are, at /api/v1/lists/{code}.")
        .access(Optional.empty())
        .ok(CatalogueViews.ListCatalogueView.class, "the lists")
        .done();
    d.op("GET", "/api/v1/rules")
        .summary(
            "catalogue",
            "Rule catalogue",
            "Every rule (read-only): its trigger (lists, subject kinds, conditions), targets (the relation path from the "
                + "record holder, subject kinds, measures), period, legal basis and the days the rule is in force.")
        .access(Optional.of(Role.ADMIN))
        .ok(CatalogueViews.RuleCatalogueView.class, "the rules")
        .errors(errors(401, AUTH_401, 403, ROLE_403))
        .done();
    d.op("GET", "/api/v1/audit/chain")
        .summary(
            "audit",
            "Audit chain state",
            "Verifies the audit log's hash chain line by line now (every prev is the SHA-256 of the line before, and the "
                + "last line is the head the server wrote) and tells whether it is intact, with the entries, the head hash "
                + "and, when broken, the first line that breaks it and why. Reads the whole log.")
        .access(Optional.of(Role.ADMIN))
        .ok(io.credgraph.api.view.AuditChainView.class, "the chain's state")
        .errors(errors(401, AUTH_401, 403, ROLE_403))
        .done();
    for (WebPages.WebPage p : WebPages.PAGES) {
      d.op("GET", p.path())
          .summary(
              "web",
              "Web page " + p.id(),
              "A page of the web workspace (HTML; its data comes from this API with the user's key"
                  + p.role()
                      .map(r -> ", which needs role " + r + " or above")
                      .orElse(", no key needed")
                  + ").")
          .access(Optional.empty())
          .answer(
              200,
              "text/html",
              JsonNodeFactory.instance.objectNode().put("type", "string"),
              "an HTML page")
          .done();
    }
  }
}
