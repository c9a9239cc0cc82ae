package io.credgraph.store;

/** How much a store holds. */
public record StoreCounts(long subjects, long relations, long records, long pending) {}
