package io.credgraph.api.view;

import java.util.List;
import java.util.Optional;

/**
 * Who the caller is for the web pages: the key's name and role (both absent without a key) and every page with
 * whether this key may use it, decided by the server.
 */
public record SessionView(Optional<String> name, Optional<String> role, List<PageAccess> pages) {
  /** A page of the web workspace: its id, its address, the role it needs, and whether the caller may use it. */
  public record PageAccess(String id, String path, Optional<String> role, boolean allowed) {}
}
