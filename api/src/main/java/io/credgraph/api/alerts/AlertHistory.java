package io.credgraph.api.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.credgraph.CredgraphException;
import io.credgraph.api.Json;
import io.credgraph.api.view.AlertView;
import io.credgraph.api.view.PathElement;
import io.credgraph.api.view.ReasonView;
import io.credgraph.api.view.SubjectView;
import io.credgraph.engine.Alert;
import io.credgraph.engine.AlertKind;
import io.credgraph.engine.CredgraphEngine;
import io.credgraph.model.Dates;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of the engine's alerts (DOMAIN.md 10: alerts are history, once raised they stay
 * listed whatever later happens to their cause): every SITTING_OFFICER and ESCALATION alert the
 * product has seen, each recorded once, the first time it is seen, with {@code createdAt}, the
 * instant it was recorded. WATCH alerts are kept by the watchlists.
 *
 * <p>An alert's identity is its kind, subject, organisation, role, rule (of the reason that sets
 * {@code raisedOn}: the earliest {@code restrictedFrom}, then the smallest rule id) and {@code
 * raisedOn}; what it says (reasons, evidence path) is kept as first seen. Persons are kept as the
 * public sees them (opaque id, masked ID number, no name): no ID number is written to the file;
 * {@link #shown} puts back their names and numbers from the store for a caller who may see them.
 *
 * <p>On disk: {@code alerts.jsonl} in the data directory, one alert per line (the {@link AlertView}
 * with its {@code createdAt}), appended and forced to disk before the alerts are listed. An
 * incomplete last line (a crash during a write) is cut at start and saved beside the file as {@code
 * alerts.jsonl.partial-<millis>}; a complete line that cannot be read stops the start with the
 * file, line and reason. {@code createdAt} never goes backwards (a new group is stamped at least
 * one microsecond after the newest kept one), so a poller that passes the newest {@code createdAt}
 * it has seen as {@code since} misses nothing. Thread-safe.
 */
public final class AlertHistory {
  private static final Logger LOG = LoggerFactory.getLogger(AlertHistory.class);

  /** The file's name in the data directory. */
  public static final String FILE = "alerts.jsonl";

  private final Optional<Path> file;
  // a line written by a later version (with fields this one does not know) is still read: the
  // history is kept
  private final ObjectMapper mapper =
      Json.mapper()
          .disable(SerializationFeature.INDENT_OUTPUT)
          .disable(
              com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final List<AlertView> alerts = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private final Optional<Path> repaired;
  private Instant newest = Instant.MIN;

  /**
   * The days whose alerts were recorded at graph version {@link #scannedVersion}: no need to scan
   * them again.
   */
  private final Set<LocalDate> scanned = new HashSet<>();

  private long scannedVersion = Long.MIN_VALUE;

  private AlertHistory(Optional<Path> file) {
    this.file = file;
    this.repaired = file.flatMap(this::read);
  }

  /** The history kept in {@code file} (read, and its torn last line repaired, when present). */
  public static AlertHistory open(Path file) {
    return new AlertHistory(Optional.of(Objects.requireNonNull(file, "file")));
  }

  /** A history in memory only (lost at restart). */
  public static AlertHistory inMemory() {
    return new AlertHistory(Optional.empty());
  }

  /**
   * The history of a server: in {@code alerts.jsonl} beside {@code stateFile} (the watchlists' file
   * in the data directory) or in memory when there is none, caught up at once with the alerts that
   * hold today (what an offline {@code credgraph load} wrote since the last start is recorded as
   * created at this start).
   */
  public static AlertHistory at(CredgraphEngine engine, Optional<Path> stateFile, Clock clock) {
    AlertHistory h =
        stateFile.map(f -> open(f.resolveSibling(FILE))).orElseGet(AlertHistory::inMemory);
    int n = h.catchUp(engine, clock);
    if (n > 0) {
      LOG.info(
          "alert history: {} alerts raised since the last start recorded ({} kept)", n, h.size());
    }
    return h;
  }

  /**
   * {@link #catchUp} after a committed write. The write stands whatever happens here: a failure is
   * logged, and the alerts it missed are recorded by the next write, list or start.
   */
  public void afterWrite(CredgraphEngine engine, Clock clock) {
    try {
      catchUp(engine, clock);
    } catch (RuntimeException e) {
      LOG.error(
          "the alerts of a committed write were not recorded in the alert history: {}",
          e.getMessage(),
          e);
    }
  }

  /** Where the bytes of an incomplete last line were saved when {@link #open} cut them. */
  public Optional<Path> repaired() {
    return repaired;
  }

  /** How many alerts are kept. */
  public synchronized int size() {
    return alerts.size();
  }

  /**
   * Records the engine's alerts that hold today (China Standard Time by {@code clock}) and that the
   * history does not hold yet, created now: called after every write and at start.
   *
   * @return how many were new
   */
  public int catchUp(CredgraphEngine engine, Clock clock) {
    return seen(engine, LocalDate.now(clock.withZone(Dates.CHINA)), clock);
  }

  /**
   * Records the engine's alerts that hold on {@code day} (never after today: days to come raise
   * nothing yet) and that the history does not hold yet, created now: the product sees them when a
   * list asks about that day.
   *
   * @return how many were new
   */
  public int seen(CredgraphEngine engine, LocalDate day, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(Dates.CHINA));
    LocalDate on = day.isAfter(today) ? today : day;
    long version = engine.version();
    synchronized (scanned) {
      if (scannedVersion == version && scanned.contains(on)) {
        return 0;
      }
    }
    int n = record(engine.alerts(Optional.empty(), on, Optional.empty()), clock);
    synchronized (scanned) {
      if (scannedVersion != version) {
        scanned.clear();
        scannedVersion = version;
      }
      if (scanned.size() < 1024) {
        scanned.add(on);
      }
    }
    return n;
  }

  /**
   * Records the alerts the history does not hold yet, with one {@code createdAt} (now, or just
   * after the newest).
   */
  int record(List<Alert> found, Clock clock) {
    List<AlertView> views = new ArrayList<>();
    for (Alert a : found) {
      if (a.kind() != AlertKind.WATCH) {
        views.add(AlertView.of(a, false));
      }
    }
    synchronized (this) {
      List<AlertView> fresh = new ArrayList<>();
      Set<String> freshKeys = new HashSet<>();
      for (AlertView v : views) {
        String k = key(v);
        if (!keys.contains(k) && freshKeys.add(k)) {
          fresh.add(v);
        }
      }
      if (fresh.isEmpty()) {
        return 0;
      }
      Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
      Instant at = now.isAfter(newest) ? now : newest.plus(1, ChronoUnit.MICROS);
      List<AlertView> stamped = fresh.stream().map(v -> withCreatedAt(v, at)).toList();
      append(stamped);
      alerts.addAll(stamped);
      keys.addAll(freshKeys);
      newest = at;
      return stamped.size();
    }
  }

  /**
   * The kept alerts of {@code kind} (all when empty) raised on or before {@code asOf} and created
   * after {@code since} (strictly; {@code sinceInclusive}: at or after), most recent first: by
   * raisedOn, then createdAt.
   */
  public synchronized List<AlertView> list(
      Optional<AlertKind> kind, LocalDate asOf, Optional<Instant> since, boolean sinceInclusive) {
    List<AlertView> out = new ArrayList<>();
    for (AlertView a : alerts) {
      if (kind.isPresent() && a.kind() != kind.get() || a.raisedOn().isAfter(asOf)) {
        continue;
      }
      if (since.isPresent()) {
        Instant c = a.createdAt().orElseThrow();
        if (sinceInclusive ? c.isBefore(since.get()) : !c.isAfter(since.get())) {
          continue;
        }
      }
      out.add(a);
    }
    out.sort(ORDER);
    return out;
  }

  /**
   * Most recent first: raisedOn, then createdAt, both descending; then kind, subject, organisation,
   * role.
   */
  public static final Comparator<AlertView> ORDER =
      Comparator.comparing(AlertView::raisedOn)
          .thenComparing(a -> a.createdAt().orElse(Instant.MIN))
          .reversed()
          .thenComparing(AlertView::kind)
          .thenComparing(a -> a.subject().id())
          .thenComparing(a -> a.organisation().map(o -> o.id()).orElse(""))
          .thenComparing(a -> a.role().map(Enum::name).orElse(""));

  /**
   * The alert as a caller sees it: persons as kept (masked) or, when {@code unmasked}, with their
   * name and full ID number from the store (a person no longer stored stays masked).
   */
  public static AlertView shown(AlertView a, boolean unmasked, GraphStore store) {
    if (!unmasked || a.kind() == AlertKind.WATCH) {
      return a;
    }
    java.util.Map<String, Optional<SubjectView>> people = new java.util.HashMap<>();
    java.util.function.Function<String, Optional<SubjectView>> person =
        id ->
            people.computeIfAbsent(
                id, k -> store.subject(new SubjectId(k)).map(s -> SubjectView.of(s, true)));
    java.util.function.UnaryOperator<SubjectView> full =
        v -> v.kind() == SubjectKind.PERSON ? person.apply(v.id()).orElse(v) : v;
    List<ReasonView> reasons = new ArrayList<>(a.reasons().size());
    for (ReasonView r : a.reasons()) {
      List<PathElement> path = new ArrayList<>(r.path().size());
      for (PathElement e : r.path()) {
        Optional<SubjectView> v =
            e.kind().filter(k -> k == SubjectKind.PERSON).flatMap(k -> e.id()).flatMap(person);
        path.add(
            v.map(
                    s ->
                        new PathElement(
                            Optional.of(s.id()),
                            Optional.of(s.kind()),
                            Optional.of(s.name()),
                            s.uscc(),
                            s.idNumber(),
                            s.idType(),
                            e.rel(),
                            e.since(),
                            e.until(),
                            e.forward()))
                .orElse(e));
      }
      reasons.add(
          new ReasonView(
              r.rule(),
              r.title(),
              r.basis(),
              r.record(),
              r.records(),
              r.list(),
              r.restrictedFrom(),
              r.restrictedUntil(),
              r.disputed(),
              path));
    }
    return new AlertView(
        a.kind(),
        full.apply(a.subject()),
        a.organisation().map(full),
        a.role(),
        a.raisedOn(),
        reasons,
        a.watch(),
        a.createdAt());
  }

  /** The identity of an alert: kind, subject, organisation, role, rule and raisedOn. */
  static String key(AlertView a) {
    String rule =
        a.reasons().stream()
            .min(Comparator.comparing(ReasonView::restrictedFrom).thenComparing(ReasonView::rule))
            .map(ReasonView::rule)
            .orElse("");
    return a.kind()
        + "|"
        + a.subject().id()
        + "|"
        + a.organisation().map(o -> o.id()).orElse("")
        + "|"
        + a.role().map(Enum::name).orElse("")
        + "|"
        + rule
        + "|"
        + a.raisedOn();
  }

  private static AlertView withCreatedAt(AlertView v, Instant at) {
    return new AlertView(
        v.kind(),
        v.subject(),
        v.organisation(),
        v.role(),
        v.raisedOn(),
        v.reasons(),
        v.watch(),
        Optional.of(at));
  }

  private void append(List<AlertView> lines) {
    if (file.isEmpty()) {
      return;
    }
    try {
      StringBuilder text = new StringBuilder();
      for (AlertView v : lines) {
        text.append(mapper.writeValueAsString(v)).append('\n');
      }
      ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
      try (FileChannel ch =
          FileChannel.open(
              file.get(),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        long before = ch.size();
        try {
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(false);
        } catch (IOException e) {
          ch.truncate(before);
          throw e;
        }
      }
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot write the alert history " + file.get() + ": " + e.getMessage(), e);
    }
  }

  /** Reads the file into memory; cuts an incomplete last line. */
  private Optional<Path> read(Path f) {
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f);
    } catch (IOException e) {
      throw new CredgraphException("cannot read the alert history " + f + ": " + e.getMessage(), e);
    }
    int end = bytes.length;
    while (end > 0 && bytes[end - 1] != '\n') {
      end--;
    }
    Optional<Path> saved = Optional.empty();
    if (end < bytes.length) {
      saved = Optional.of(cutTail(f, bytes, end));
      LOG.warn(
          "the alert history's last line was incomplete (a crash during a write): {} bytes cut and saved to {}",
          bytes.length - end,
          saved.get());
    }
    String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    int line = 0;
    for (String l : text.split("\n", -1)) {
      line++;
      if (l.isBlank()) {
        continue;
      }
      AlertView v;
      try {
        v = mapper.readValue(l, AlertView.class);
      } catch (JsonProcessingException e) {
        throw new CredgraphException(
            "the alert history "
                + f
                + " line "
                + line
                + " cannot be read: "
                + e.getOriginalMessage()
                + " (move the file aside to start with an empty history)",
            e);
      }
      if (v.createdAt().isEmpty()) {
        throw new CredgraphException(
            "the alert history "
                + f
                + " line "
                + line
                + " has no createdAt (move the file "
                + "aside to start with an empty history)");
      }
      if (keys.add(key(v))) {
        alerts.add(v);
        if (v.createdAt().get().isAfter(newest)) {
          newest = v.createdAt().get();
        }
      }
    }
    return saved;
  }

  private static Path cutTail(Path f, byte[] bytes, int keep) {
    Path saved = f.resolveSibling(f.getFileName() + ".partial-" + System.currentTimeMillis());
    try {
      Files.write(
          saved,
          java.util.Arrays.copyOfRange(bytes, keep, bytes.length),
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.truncate(keep);
        ch.force(true);
      }
      return saved;
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot repair the incomplete last line of the alert history "
              + f
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
