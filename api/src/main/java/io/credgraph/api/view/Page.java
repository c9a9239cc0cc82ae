package io.credgraph.api.view;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list answer: the items and, when more follow, the {@code next} cursor to pass as
 * {@code cursor}.
 */
public record Page<T>(List<T> items, Optional<String> next) {
  public Page {
    items = List.copyOf(items);
    next = next == null ? Optional.empty() : next;
  }
}
