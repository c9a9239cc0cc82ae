package io.credgraph.api.web;

import io.credgraph.api.auth.Role;
import java.util.List;
import java.util.Optional;

/**
 * The web workspace's pages (issue #10): each URL, its page id (the file {@code
 * web/pages/<id>.html} and the module {@code web/assets/<id>.js}) and the role a key needs to use
 * it. The pages themselves are public files (their data comes from the API with the user's key);
 * this table only tells the navigation which pages to offer, through {@code GET /api/v1/session}.
 * The API refuses a role anyway.
 */
public final class WebPages {
  private WebPages() {}

  /** One page: its id, its URL and the role it needs (empty: anyone, no key). */
  public record WebPage(String id, String path, Optional<Role> role) {
    /** Whether a caller with {@code callerRole} (empty: no key) may use the page. */
    public boolean allows(Optional<Role> callerRole) {
      return role.isEmpty() || callerRole.map(r -> r.atLeast(role.get())).orElse(false);
    }
  }

  /** Every page, in the navigation's order. */
  public static final List<WebPage> PAGES =
      List.of(
          new WebPage("home", "/", Optional.empty()),
          new WebPage("public", "/public", Optional.empty()),
          new WebPage("org", "/public/org", Optional.empty()),
          new WebPage("me", "/me", Optional.of(Role.SUBJECT)),
          new WebPage("counter", "/counter", Optional.of(Role.REGISTRY)),
          new WebPage("checks", "/checks", Optional.of(Role.DEPARTMENT)),
          new WebPage("explore", "/explore", Optional.of(Role.INVESTIGATOR)),
          new WebPage("dashboard", "/dashboard", Optional.of(Role.INVESTIGATOR)),
          new WebPage("alerts", "/alerts", Optional.of(Role.INVESTIGATOR)),
          new WebPage("steward", "/steward", Optional.of(Role.STEWARD)),
          new WebPage("admin", "/admin", Optional.of(Role.ADMIN)));

  /**
   * Serves {@code web/assets/} of the classpath at {@code /assets/} (the pages' modules and
   * stylesheet).
   */
  public static void assets(io.javalin.config.JavalinConfig cfg) {
    cfg.staticFiles.add(
        s -> {
          s.hostedPath = "/assets";
          s.directory = "/web/assets";
          s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
        });
  }

  /** The page served at {@code path}. */
  public static Optional<WebPage> at(String path) {
    return PAGES.stream().filter(p -> p.path().equals(path)).findFirst();
  }
}
