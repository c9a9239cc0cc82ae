package io.credgraph.api.auth;

import io.javalin.security.RouteRole;

/**
 * The route role of routes anyone may call without a key: published lists, health, the API
 * description.
 */
public enum Open implements RouteRole {
  ANYONE
}
