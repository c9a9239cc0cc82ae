package io.credgraph.api.controllers;

import io.credgraph.model.Uscc;
import java.util.regex.Pattern;

/**
 * Whether a query parameter looks like a resident ID number (18 characters: 17 digits and a digit
 * or X; or the 15-digit numbers of the first generation), written with or without spaces or dashes.
 * A valid USCC is never ID-shaped. Such values are refused in URLs: they would sit in access logs,
 * proxies and browser history.
 */
final class IdShaped {
  private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

  private IdShaped() {}

  static boolean test(String q) {
    String compact = q.replaceAll("[\\s\\-_.]", "");
    if (Uscc.isValid(compact.toUpperCase(java.util.Locale.ROOT))) {
      return false;
    }
    return SHAPE.matcher(compact).matches() || io.credgraph.api.view.Masking.containsIdNumber(q);
  }
}
