package io.credgraph.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.credgraph.CredgraphException;
import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Investigators' watchlists and the alerts they raise. {@link #onWrite(WriteBatch)} is called with
 * every committed batch (after the graph view reflects it): each new record and each status change
 * of a record raises an alert for every investigator who watches its subject, or a subject within
 * two control hops of it (control relations in force on the event's date, DOMAIN.md section 3),
 * with the path. A replayed batch raises nothing twice.
 *
 * <p>State (watchlists and alerts) lives in memory and, when opened on a file, is written back
 * after every change (write to a temporary file, then atomic rename), so a restart keeps it. The
 * file holds natural keys (ID numbers): keep it in the data directory, with the database.
 * Thread-safe.
 */
public final class WatchlistService {
  /** Control hops from a watched subject within which events raise alerts. */
  public static final int HOPS = 2;

  private static final ObjectMapper JSON =
      io.credgraph.Jsons.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Optional<Path> file;
  private final Supplier<GraphView> view;
  private final Function<String, Optional<CreditRecord>> records;
  private final Clock clock;
  private final Map<String, Set<SubjectKey>> watchlists = new TreeMap<>();
  private final Map<SubjectKey, Set<String>> watchers = new HashMap<>();
  private final List<WatchAlert> alerts = new ArrayList<>();
  private final Set<String> raised = new HashSet<>();
  private long nextId = 1;

  private WatchlistService(
      Optional<Path> file,
      Supplier<GraphView> view,
      Function<String, Optional<CreditRecord>> records,
      Clock clock) {
    this.file = file;
    this.view = view;
    this.records = records;
    this.clock = clock;
  }

  /**
   * A service kept in {@code stateFile} (created on first change; read if present).
   *
   * @param view the current graph, read when a batch arrives
   * @param records finds a stored record by id (for status changes, whose subject the batch does
   *     not name), e.g. {@code store::record}
   */
  public static WatchlistService open(
      Path stateFile,
      Supplier<GraphView> view,
      Function<String, Optional<CreditRecord>> records,
      Clock clock) {
    WatchlistService s = new WatchlistService(Optional.of(stateFile), view, records, clock);
    if (Files.exists(stateFile)) {
      s.read(stateFile);
    }
    return s;
  }

  /**
   * Whether the watchlists kept in {@code stateFile} hold any subject (an offline loader then has
   * alerts to raise); false when the file does not exist.
   */
  public static boolean anyoneWatches(Path stateFile) {
    return Files.exists(stateFile)
        && open(stateFile, () -> null, id -> Optional.empty(), Clock.systemUTC()).watching();
  }

  /** A service that keeps its state in memory only. */
  public static WatchlistService inMemory(
      Supplier<GraphView> view, Function<String, Optional<CreditRecord>> records, Clock clock) {
    return new WatchlistService(Optional.empty(), view, records, clock);
  }

  /** Adds subjects to the investigator's watchlist; returns the whole list. */
  public synchronized List<SubjectKey> watch(String investigator, Collection<SubjectKey> subjects) {
    requireInvestigator(investigator);
    for (SubjectKey k : subjects) {
      watchlists.computeIfAbsent(investigator, x -> new LinkedHashSet<>()).add(k);
      watchers.computeIfAbsent(k, x -> new TreeSet<>()).add(investigator);
    }
    save();
    return watchlist(investigator);
  }

  /** Removes subjects from the investigator's watchlist; returns what remains. */
  public synchronized List<SubjectKey> unwatch(
      String investigator, Collection<SubjectKey> subjects) {
    requireInvestigator(investigator);
    Set<SubjectKey> list = watchlists.getOrDefault(investigator, new LinkedHashSet<>());
    for (SubjectKey k : subjects) {
      list.remove(k);
      Set<String> w = watchers.get(k);
      if (w != null) {
        w.remove(investigator);
        if (w.isEmpty()) {
          watchers.remove(k);
        }
      }
    }
    if (list.isEmpty()) {
      watchlists.remove(investigator);
    }
    save();
    return watchlist(investigator);
  }

  public synchronized List<SubjectKey> watchlist(String investigator) {
    return List.copyOf(watchlists.getOrDefault(investigator, Set.of()));
  }

  /**
   * The investigator's alerts raised at or after {@code since} (all when absent), oldest first,
   * from {@code offset}, at most {@code limit}.
   */
  public synchronized List<WatchAlert> alerts(
      String investigator, Optional<Instant> since, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > 1000) {
      throw new ValidationException("limit", "offset must be >= 0 and limit between 1 and 1000");
    }
    return alerts.stream()
        .filter(a -> a.investigator().equals(investigator))
        .filter(a -> since.map(s -> !a.raisedAt().isBefore(s)).orElse(true))
        .skip(offset)
        .limit(limit)
        .toList();
  }

  /** Raises the alerts of a committed batch and returns them. */
  public synchronized List<WatchAlert> onWrite(WriteBatch batch) {
    if (watchers.isEmpty()) {
      return List.of();
    }
    List<WatchAlert> out = new ArrayList<>();
    GraphView g = null;
    for (WriteOp op : batch.ops()) {
      Optional<WatchAlert.Event> event = event(op);
      if (event.isEmpty()) {
        continue;
      }
      if (g == null) {
        g = view.get();
      }
      raise(g, event.get(), out);
    }
    if (!out.isEmpty()) {
      save();
    }
    return List.copyOf(out);
  }

  /**
   * Whether anybody watches anything (when not, no alert can be raised and callers may skip their
   * work).
   */
  public synchronized boolean watching() {
    return !watchers.isEmpty();
  }

  /**
   * Raises the alerts of a change of an organisation's credit grade (DOMAIN.md 9) caused by a
   * committed record or status change, for its watchers and the watchers of subjects within two
   * control hops, like a record's event.
   *
   * @param on the day the cause took effect (the grade is compared on that day, without and with
   *     the cause)
   * @return the alerts raised (none when the grade did not change or nobody watches)
   */
  public synchronized List<WatchAlert> onGradeChange(
      SubjectKey subject, String recordId, String list, LocalDate on, String before, String after) {
    if (watchers.isEmpty() || before.equals(after)) {
      return List.of();
    }
    List<WatchAlert> out = new ArrayList<>();
    raise(
        view.get(),
        new WatchAlert.Event(
            WatchAlert.Type.GRADE_CHANGE,
            recordId,
            list,
            subject,
            after,
            on,
            Optional.of("credit grade " + before + " -> " + after)),
        out);
    if (!out.isEmpty()) {
      save();
    }
    return List.copyOf(out);
  }

  private Optional<WatchAlert.Event> event(WriteOp op) {
    if (op instanceof WriteOp.PutRecord p) {
      CreditRecord r = p.record();
      return Optional.of(
          new WatchAlert.Event(
              WatchAlert.Type.NEW_RECORD,
              r.id(),
              r.list(),
              r.subject(),
              "ACTIVE",
              r.decidedOn(),
              Optional.empty()));
    }
    if (op instanceof WriteOp.AppendStatus a) {
      return records
          .apply(a.recordId())
          .map(
              r ->
                  new WatchAlert.Event(
                      WatchAlert.Type.STATUS_CHANGE,
                      r.id(),
                      r.list(),
                      r.subject(),
                      a.change().event().name(),
                      a.change().on(),
                      a.change().note()));
    }
    return Optional.empty();
  }

  private void raise(GraphView g, WatchAlert.Event e, List<WatchAlert> out) {
    Instant now = clock.instant();
    for (String who : watchers.getOrDefault(e.subject(), Set.of())) {
      add(
          new WatchAlert(
              "w" + nextId, "WATCH", who, e.subject(), e, List.of(e.subject()), List.of(), now),
          out);
    }
    int s = g.node(e.subject());
    if (s < 0) {
      return;
    }
    int day = GraphView.day(e.on());
    IntIntMap via = new IntIntMap(32);
    via.put(s, -1);
    List<Integer> frontier = List.of(s);
    for (int hop = 0; hop < HOPS; hop++) {
      List<Integer> next = new ArrayList<>();
      for (int u : frontier) {
        int outDeg = g.outDegree(u);
        for (int i = 0; i < outDeg + g.inDegree(u); i++) {
          int edge = i < outDeg ? g.outEdge(u, i) : g.inEdge(u, i - outDeg);
          if (!RiskClusters.isControl(g, edge, day)) {
            continue;
          }
          int w = g.other(edge, u);
          if (via.containsKey(w)) {
            continue;
          }
          via.put(w, edge);
          next.add(w);
          Set<String> who = watchers.get(g.key(w));
          if (who != null) {
            List<SubjectKey> subjects = new ArrayList<>();
            List<RelationType> relations = new ArrayList<>();
            int x = w;
            subjects.add(g.key(x));
            while (via.get(x) >= 0) {
              int edgeBack = via.get(x);
              relations.add(GraphView.relationType(g.edgeType(edgeBack)));
              x = g.other(edgeBack, x);
              subjects.add(g.key(x));
            }
            for (String inv : who) {
              add(
                  new WatchAlert("w" + nextId, "WATCH", inv, g.key(w), e, subjects, relations, now),
                  out);
            }
          }
        }
      }
      frontier = next;
    }
  }

  private void add(WatchAlert a, List<WatchAlert> out) {
    if (raised.add(identity(a))) {
      nextId++;
      alerts.add(a);
      out.add(a);
    }
  }

  private static String identity(WatchAlert a) {
    WatchAlert.Event e = a.event();
    return a.investigator()
        + "|"
        + a.watched().canonical()
        + "|"
        + e.type()
        + "|"
        + e.recordId()
        + "|"
        + e.status()
        + "|"
        + e.on()
        + "|"
        + e.subject().canonical();
  }

  private static void requireInvestigator(String investigator) {
    if (investigator == null || investigator.isBlank()) {
      throw new ValidationException(
          "investigator", "a watchlist belongs to an investigator (the caller's key name)");
    }
  }

  /** The file form: keys as their stored (canonical) strings. */
  record State(long nextId, Map<String, List<String>> watchlists, List<StoredAlert> alerts) {}

  record StoredAlert(
      String id,
      String kind,
      String investigator,
      String watched,
      WatchAlert.Type type,
      String recordId,
      String list,
      String subject,
      String status,
      LocalDate on,
      String note,
      List<String> subjects,
      List<RelationType> relations,
      Instant raisedAt) {}

  private void save() {
    if (file.isEmpty()) {
      return;
    }
    Map<String, List<String>> lists = new TreeMap<>();
    watchlists.forEach((k, v) -> lists.put(k, v.stream().map(SubjectKey::canonical).toList()));
    List<StoredAlert> stored =
        alerts.stream()
            .map(
                a ->
                    new StoredAlert(
                        a.id(),
                        a.kind(),
                        a.investigator(),
                        a.watched().canonical(),
                        a.event().type(),
                        a.event().recordId(),
                        a.event().list(),
                        a.event().subject().canonical(),
                        a.event().status(),
                        a.event().on(),
                        a.event().note().orElse(null),
                        a.subjects().stream().map(SubjectKey::canonical).toList(),
                        a.relations(),
                        a.raisedAt()))
            .toList();
    Path target = file.get();
    try {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      JSON.writeValue(tmp.toFile(), new State(nextId, lists, stored));
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot write the watchlist state " + target + ": " + e.getMessage(), e);
    }
  }

  private void read(Path path) {
    State st;
    try {
      st = JSON.readValue(path.toFile(), State.class);
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read the watchlist state "
              + path
              + ": "
              + e.getMessage()
              + " (fix or move the file; it is rewritten on the next change)",
          e);
    }
    nextId = st.nextId();
    if (st.watchlists() != null) {
      st.watchlists()
          .forEach(
              (inv, keys) -> {
                for (String k : keys) {
                  SubjectKey key = SubjectKey.fromCanonical(k);
                  watchlists.computeIfAbsent(inv, x -> new LinkedHashSet<>()).add(key);
                  watchers.computeIfAbsent(key, x -> new TreeSet<>()).add(inv);
                }
              });
    }
    if (st.alerts() != null) {
      for (StoredAlert s : st.alerts()) {
        WatchAlert a =
            new WatchAlert(
                s.id(),
                s.kind(),
                s.investigator(),
                SubjectKey.fromCanonical(s.watched()),
                new WatchAlert.Event(
                    s.type(),
                    s.recordId(),
                    s.list(),
                    SubjectKey.fromCanonical(s.subject()),
                    s.status(),
                    s.on(),
                    Optional.ofNullable(s.note())),
                s.subjects().stream().map(SubjectKey::fromCanonical).toList(),
                s.relations(),
                s.raisedAt());
        alerts.add(a);
        raised.add(identity(a));
      }
    }
  }
}
