/**
 * The engine: {@link io.credgraph.engine.CredgraphEngine} answers appointment and sanctions checks,
 * alerts, associated risk and what-if from an in-memory projection of the store kept current by
 * every write; its answers are plain records ({@link io.credgraph.engine.AppointmentCheck}, {@link
 * io.credgraph.engine.SanctionsCheck}, {@link io.credgraph.engine.SubjectMeasures}, {@link
 * io.credgraph.engine.Alert}, {@link io.credgraph.engine.AssociatedRisk}, {@link
 * io.credgraph.engine.Simulation}) that explain themselves (rule, legal basis, records, evidence
 * path, first and last day) and serialise to JSON with persons masked.
 */
package io.credgraph.engine;
