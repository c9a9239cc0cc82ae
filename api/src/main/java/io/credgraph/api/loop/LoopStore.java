package io.credgraph.api.loop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable state of the joint-sanction loop in a data directory: the checks that found measures
 * ({@code checks.jsonl}), the feedback on them ({@code feedback.jsonl}) and the subjects'
 * applications ({@code applications.jsonl}), each an append-only journal. Feedback and applications
 * are replayed into memory when opened; of the checks, which grow with every check that finds
 * measures, memory keeps only where each one's line starts, and they are read back from the journal
 * when asked for.
 */
public final class LoopStore implements AutoCloseable {
  public static final String CHECKS = "checks.jsonl";
  public static final String FEEDBACK = "feedback.jsonl";
  public static final String APPLICATIONS = "applications.jsonl";

  // a check that found measures is needed again only when its department reports on it: memory
  // keeps where its line starts (about 120 bytes a check), the journal keeps the check
  private final Map<String, Long> checkAt = new HashMap<>();
  private final Map<String, List<Checks.FeedbackVersion>> feedback = new LinkedHashMap<>();
  private final Map<String, Application> applications = new LinkedHashMap<>();
  private final Journal<Checks.Check> checkJournal;
  private final Journal<Checks.FeedbackVersion> feedbackJournal;
  private final Journal<Application> applicationJournal;

  private LoopStore(Path dir) {
    this.checkJournal =
        Journal.openIndexed(
            dir.resolve(CHECKS),
            Checks.Check.class,
            false,
            (c, at) -> checkAt.put(c.checkId(), at));
    this.feedbackJournal =
        Journal.open(
            dir.resolve(FEEDBACK),
            Checks.FeedbackVersion.class,
            true,
            f -> feedback.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
    this.applicationJournal =
        Journal.open(
            dir.resolve(APPLICATIONS), Application.class, true, a -> applications.put(a.id(), a));
  }

  /** Opens (creating when missing) the journals in {@code dir}. */
  public static LoopStore open(Path dir) {
    return new LoopStore(dir);
  }

  public synchronized void remember(Checks.Check c) {
    checkAt.put(c.checkId(), checkJournal.append(c));
  }

  public synchronized Optional<Checks.Check> check(String checkId) {
    Long at = checkAt.get(checkId);
    return at == null ? Optional.empty() : Optional.of(checkJournal.read(at));
  }

  /** Every remembered check, oldest first (read from the journal). */
  public synchronized List<Checks.Check> checks() {
    List<Checks.Check> all = new ArrayList<>();
    checkJournal.forEach(all::add);
    return all;
  }

  /** Appends a version of feedback; its number must be the next one for its check. */
  public synchronized void addFeedback(Checks.FeedbackVersion v) {
    if (v.version() != feedback(v.checkId()).size() + 1) {
      throw new IllegalStateException("feedback version " + v.version() + " out of turn");
    }
    feedbackJournal.append(v);
    feedback.computeIfAbsent(v.checkId(), k -> new ArrayList<>()).add(v);
  }

  public synchronized List<Checks.FeedbackVersion> feedback(String checkId) {
    return List.copyOf(feedback.getOrDefault(checkId, List.of()));
  }

  public synchronized Map<String, List<Checks.FeedbackVersion>> allFeedback() {
    Map<String, List<Checks.FeedbackVersion>> m = new LinkedHashMap<>();
    feedback.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return m;
  }

  /** Records a step of an application (the whole application after it). */
  public synchronized void put(Application a) {
    applicationJournal.append(a);
    applications.put(a.id(), a);
  }

  public synchronized Optional<Application> application(String id) {
    return Optional.ofNullable(applications.get(id));
  }

  public synchronized List<Application> applications() {
    return List.copyOf(applications.values());
  }

  @Override
  public synchronized void close() {
    checkJournal.close();
    feedbackJournal.close();
    applicationJournal.close();
  }
}
