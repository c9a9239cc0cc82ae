package io.credgraph.model;

/**
 * The kind of a list: BLACK (失信), RED (守信), WATCH (重点关注) or EVENT (a dated fact that rules react
 * to).
 */
public enum ListKind {
  BLACK,
  RED,
  WATCH,
  EVENT
}
