package io.credgraph.api.docs;

import static io.credgraph.api.docs.ApiDocs.AUTH_401;
import static io.credgraph.api.docs.ApiDocs.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.credgraph.api.view.SessionView;
import io.credgraph.api.web.WebPages;
import java.util.Optional;

/** The description of the web workspace: its pages (HTML) and the session route the pages start from. */
final class WebDocs {
  private WebDocs() {}

  static void describe(ApiDescription d) {
    d.op("GET", "/api/v1/session").summary("web", "Session",
        "Who the key sent is (its name and role; both absent without a key) and every web page with whether this "
            + "key may use it. The web pages draw their navigation from it.")
        .access(Optional.empty())
        .ok(SessionView.class, "the caller and the pages")
        .errors(errors(401, AUTH_401)).done();
    for (WebPages.WebPage p : WebPages.PAGES) {
      d.op("GET", p.path()).summary("web", "Web page " + p.id(),
          "A page of the web workspace (HTML; its data comes from this API with the user's key"
              + p.role().map(r -> ", which needs role " + r + " or above").orElse(", no key needed") + ").")
          .access(Optional.empty())
          .answer(200, "text/html", JsonNodeFactory.instance.objectNode().put("type", "string"), "an HTML page")
          .done();
    }
  }
}
