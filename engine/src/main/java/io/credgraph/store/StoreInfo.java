package io.credgraph.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * A store's description for start-up messages and {@code /health}: backend name, where it is, what
 * it can do.
 */
public record StoreInfo(String backend, String location, Set<Capability> capabilities) {
  public StoreInfo {
    capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
  }
}
