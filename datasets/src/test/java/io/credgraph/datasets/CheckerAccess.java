package io.credgraph.datasets;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Public access to {@link ExchangeChecker} for tests in other packages. */
public final class CheckerAccess {
  private final ExchangeChecker c = new ExchangeChecker();

  public Optional<String> accept(String where, String line) {
    return c.accept(where, line);
  }

  public List<String> errors() {
    return c.errors;
  }

  public long lines() {
    return c.lines;
  }

  public long forwardReferences() {
    return c.forwardReferences;
  }

  public Set<SubjectKey> unresolved() {
    return c.unresolved();
  }

  public Map<String, Integer> lists() {
    return c.lists;
  }

  public Map<String, Integer> statuses() {
    return c.statuses;
  }

  public Map<String, Integer> relationTypes() {
    return c.relationTypes;
  }

  public List<String[]> relations() {
    return c.relations;
  }

  public Map<String, CreditRecord> records() {
    return c.records;
  }

  public Map<SubjectKey, SubjectKind> kinds() {
    return c.kinds;
  }

  public Map<SubjectKey, Set<String>> names() {
    return c.names;
  }
}
