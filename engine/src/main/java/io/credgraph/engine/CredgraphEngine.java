package io.credgraph.engine;

import io.credgraph.NotFoundException;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.grades.CreditGrade;
import io.credgraph.grades.GradeCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.rules.Domain;
import io.credgraph.rules.Role;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.store.BatchWriter;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credgraph engine: appointment and sanctions checks that explain themselves, alerts,
 * associated risk and what-if, answered from an in-memory {@link Projection projection} of the
 * store (never through the store per request). At {@link #open} it reads the store once (or a
 * {@link ProjectionFile}) and derives every measure; every write goes through {@link #write}, which
 * commits to the store first and then derives again only the records whose measures can have
 * changed ({@code Writes}), with the same result as a full {@link #rebuild()}. Derived measures
 * carry the span of days they hold, so a check for any asOf is a filter. Thread-safe: checks run
 * concurrently; a write excludes them only while it updates the projection.
 *
 * <p>A facade over package-private parts sharing one {@code EngineState} (the state and the locks):
 * {@code Lifecycle} puts projections in place, {@code Writes} applies batches, {@code Checks},
 * {@code Alerts}, {@code RiskQueries} and {@code Simulations} answer, {@code Grading}, {@code
 * Snapshots} and {@code Stats} give the rest.
 */
public final class CredgraphEngine {
  /** The most subjects one sanctions check takes. */
  public static final int MAX_SANCTION_SUBJECTS = 1_000;

  private final EngineState state;
  private final Explanations explain;
  private final Grading grading;
  private final Snapshots snapshots;
  private final Stats stats;
  private final Lifecycle lifecycle;
  private final Writes writes;
  private final Checks checks;
  private final Alerts alerts;
  private final RiskQueries risk;
  private final Simulations simulations;

  private CredgraphEngine(GraphStore store, ListCatalogue lists, RuleCatalogue rules) {
    state = new EngineState(store, lists, rules);
    explain = new Explanations(state);
    Restrictions restrictions = new Restrictions(state, explain);
    grading = new Grading(state);
    snapshots = new Snapshots(state);
    stats = new Stats(state);
    lifecycle = new Lifecycle(state, stats);
    writes = new Writes(state, lifecycle);
    checks = new Checks(state, explain, restrictions, grading);
    alerts = new Alerts(state, explain, restrictions);
    risk = new RiskQueries(state, explain, restrictions);
    simulations = new Simulations(state, explain, restrictions, alerts, grading);
  }

  /** Opens the engine on {@code store} with the built-in list and rule catalogues. */
  public static CredgraphEngine open(GraphStore store) {
    ListCatalogue lists = ListCatalogue.defaults();
    return open(store, lists, RuleCatalogue.defaults(lists));
  }

  /** Opens the engine on {@code store}: builds the projection and derives every measure. */
  public static CredgraphEngine open(GraphStore store, ListCatalogue lists, RuleCatalogue rules) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(lists, "lists");
    Objects.requireNonNull(rules, "rules");
    CredgraphEngine e = new CredgraphEngine(store, lists, rules);
    e.rebuild();
    return e;
  }

  /**
   * Opens the engine on {@code store}, starting from the projection file {@code projectionFile}
   * when it is the projection of this store as it is now ({@link ProjectionFile}: same version,
   * location and counts, checksum intact), and otherwise from a full read of the store; {@link
   * #startedFrom} says which and why. Measures are derived either way.
   */
  public static CredgraphEngine open(
      GraphStore store,
      ListCatalogue lists,
      RuleCatalogue rules,
      java.nio.file.Path projectionFile) {
    Objects.requireNonNull(projectionFile, "projectionFile");
    CredgraphEngine e = new CredgraphEngine(store, lists, rules);
    e.lifecycle.start(projectionFile);
    return e;
  }

  /** Where the engine's graph came from: the projection file, or the store and why. */
  public String startedFrom() {
    return lifecycle.startedFrom();
  }

  /** Writes the {@link #snapshot()} to {@code file} for the next start ({@link ProjectionFile}). */
  public void saveProjection(java.nio.file.Path file) {
    ProjectionFile.write(snapshot(), state.store, file);
  }

  public GraphStore store() {
    return state.store;
  }

  /** Grades organisations with {@code catalogue} from now on (built-in grades.yaml by default). */
  public void useGrades(GradeCatalogue catalogue) {
    grading.use(catalogue);
  }

  public GradeCatalogue grades() {
    return grading.catalogue();
  }

  /**
   * The credit grade of an organisation on {@code asOf} (DOMAIN.md 9); empty for a person.
   *
   * @throws NotFoundException when the subject is not known
   */
  public Optional<CreditGrade> grade(SubjectKey key, LocalDate asOf) {
    return grading.grade(key, asOf);
  }

  public ListCatalogue lists() {
    return state.lists;
  }

  public RuleCatalogue rules() {
    return state.rules;
  }

  /**
   * Changes whenever an answer may change (it is the store's version after the last write through
   * the engine); caches of answers key on it together with the request.
   */
  public long version() {
    return state.version;
  }

  /**
   * The committed version of the in-memory graph, frozen for readers (the investigation services,
   * watchlists, lists): the same graph the checks answer from, taken once per version (the first
   * call after a write takes it, in a few milliseconds; every other call shares it). During a load
   * it is the last committed chunk.
   *
   * @throws OutOfSyncException while the in-memory graph does not match the store
   */
  public GraphSnapshot snapshot() {
    return snapshots.snapshot();
  }

  public EngineStats stats() {
    return stats.stats();
  }

  /**
   * Full propagation: reads the whole store again, rebuilds the projection and derives every
   * record's measures.
   */
  public void rebuild() {
    lifecycle.rebuild();
  }

  /**
   * Tells {@code listener} about every write committed through this engine from now on (see {@link
   * WriteListener}).
   */
  public void listen(WriteListener listener) {
    writes.listen(listener);
  }

  /**
   * Catches up with writes another server made to the store (reads it whole when its version moved
   * past this engine's); returns whether it did. Call it periodically where servers share a store.
   */
  public boolean follow() {
    return writes.follow();
  }

  /** Where loaders and the API write: {@link #write}. */
  public BatchWriter writer() {
    return this::write;
  }

  /**
   * Commits {@code batch} to the store, then brings the projection and the derived measures of the
   * affected subjects up to date. If the store refuses the batch nothing changes here either.
   */
  public WriteResult write(WriteBatch batch) {
    return writes.write(batch);
  }

  /**
   * Why the in-memory graph no longer matches the store (a committed batch could not be applied and
   * the rebuild from the store failed too), or empty while it does. While it is present every read
   * answers {@link OutOfSyncException}.
   */
  public Optional<String> outOfSync() {
    return lifecycle.outOfSync();
  }

  /**
   * May {@code person} hold {@code role} on {@code asOf}, in {@code enterprise} (a company when
   * absent)? Applies the appointment rules in force on asOf that cover the role under the law
   * governing it: the Company Law for a company's LEGAL_REP and for DIRECTOR, SUPERVISOR and
   * SENIOR_MANAGER (CL146 up to 2024-06-30, CL178 from 2024-07-01); the Market Entity Registration
   * Regulation for the LEGAL_REP of any other form (MER12 from 2022-03-01); EIP17 on top, except in
   * the enterprise that is itself on the serious list. An enterprise whose legal form is not known
   * is taken to be a company. A person the store does not know has no record and is eligible.
   *
   * @throws NotFoundException when {@code enterprise} is named but not known
   * @throws ValidationException when the key is not a person's, or the role cannot be held in that
   *     organisation
   */
  public AppointmentCheck checkAppointment(
      SubjectKey person, Role role, Optional<SubjectKey> enterprise, LocalDate asOf) {
    return checks.checkAppointment(person, role, enterprise, asOf);
  }

  /**
   * The measures that apply on {@code asOf} to each of {@code subjects} (at most {@value
   * #MAX_SANCTION_SUBJECTS}), in {@code domain} or all domains, from every rule of the sanction
   * catalogue in force on asOf, directly or through related subjects. INCENTIVE measures are left
   * out on a day the subject has a BLACK record in force. A key the store does not know gets a
   * result without measures.
   */
  public SanctionsCheck checkSanctions(
      List<SubjectKey> subjects, Optional<Domain> domain, LocalDate asOf) {
    return checks.checkSanctions(subjects, domain, asOf);
  }

  /** Every measure and appointment restriction that applies to the subject on {@code asOf}. */
  public SubjectMeasures subjectMeasures(SubjectKey key, LocalDate asOf) {
    return risk.subjectMeasures(key, asOf);
  }

  /**
   * The alerts that hold on {@code asOf} ({@code kind} empty: all kinds), raised on or after {@code
   * since} when given, most recent first: SITTING_OFFICER, each role a person holds on asOf that
   * the appointment check refuses; ESCALATION, each ESCALATION measure in force (DOMAIN.md 10).
   */
  public List<Alert> alerts(Optional<AlertKind> kind, LocalDate asOf, Optional<LocalDate> since) {
    return alerts.alerts(kind, asOf, since);
  }

  /**
   * Associated risk on {@code asOf}: the largest BLACK severity within three control hops, halved
   * per hop, with the path (DOMAIN.md 6.3).
   */
  public AssociatedRisk associatedRisk(SubjectKey key, LocalDate asOf) {
    return risk.associatedRisk(key, asOf);
  }

  /**
   * The marks of many subjects on {@code asOf} under one read lock, for drawing a graph: the lists
   * of their records in force and (when {@code withRisk}) their associated risk score. Subjects the
   * engine does not know are left out.
   */
  public Map<SubjectKey, SubjectMarks> marks(
      java.util.Collection<SubjectKey> keys, LocalDate asOf, boolean withRisk) {
    return risk.marks(keys, asOf, withRisk);
  }

  /**
   * What-if (DOMAIN.md 6.7): the measures and appointment restrictions a hypothetical record would
   * add on {@code asOf}, the subjects they reach, and the sitting officers it would make
   * ineligible. Nothing is stored.
   *
   * @throws NotFoundException when the record's subject is not known
   * @throws ValidationException when its list is not in the catalogue
   */
  public Simulation simulate(CreditRecord hypothetical, LocalDate asOf) {
    return simulations.simulate(hypothetical, asOf);
  }

  /**
   * Every derived measure as a canonical line (target, rule, target index, record, path, first and
   * last day), sorted: equal for two engines exactly when they derived the same measures.
   */
  List<String> derivedFingerprint() {
    state.readLock();
    try {
      return state.derivations.fingerprint(explain::pathKey);
    } finally {
      state.readUnlock();
    }
  }
}
