package io.credgraph.engine;

/**
 * What the engine's projection holds: subjects, relations, records, derived measures, the version,
 * and how long the last full build took (reading the store into the projection, then deriving every
 * record's measures).
 */
public record EngineStats(
    int subjects,
    int relations,
    int records,
    long derivedMeasures,
    long version,
    long projectionMillis,
    long propagationMillis) {}
