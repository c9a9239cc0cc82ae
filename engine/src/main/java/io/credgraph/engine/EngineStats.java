package io.credgraph.engine;

/** What the engine's projection holds: subjects, relations, records, derived measures, and the version. */
public record EngineStats(int subjects, int relations, int records, long derivedMeasures, long version) {}
