package io.credgraph.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reading of exchange lines with the model types, for tests of the data this module
 * writes: every key is parsed with {@link SubjectKey}, every enumeration and date checked, status
 * changes applied to {@link CreditRecord}s, and references tracked (resolved in order, resolved at
 * the end).
 */
final class ExchangeChecker {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ListCatalogue LISTS = ListCatalogue.defaults();

  final Map<SubjectKey, SubjectKind> kinds = new HashMap<>();
  final Map<SubjectKey, Set<String>> names = new HashMap<>();
  final Map<String, CreditRecord> records = new HashMap<>();
  final Map<String, Integer> lineTypes = new HashMap<>();
  final Map<String, Integer> lists = new HashMap<>();
  final Map<String, Integer> statuses = new HashMap<>();
  final Map<String, Integer> relationTypes = new HashMap<>();
  final List<String[]> relations = new ArrayList<>();
  final Set<SubjectKey> referenced = new HashSet<>();
  final List<String> errors = new ArrayList<>();
  long lines;
  long forwardReferences;

  /** Reads one line; returns the reason it is bad, or empty. */
  Optional<String> accept(String where, String line) {
    lines++;
    try {
      read(JSON.readTree(line));
      return Optional.empty();
    } catch (CredgraphException | IllegalArgumentException | java.time.DateTimeException e) {
      errors.add(where + ": " + e.getMessage());
      return Optional.of(e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      errors.add(where + ": malformed JSON");
      return Optional.of("malformed JSON");
    }
  }

  /** References (in relations, records, liable persons, releases) to subjects no line defines. */
  Set<SubjectKey> unresolved() {
    Set<SubjectKey> s = new HashSet<>(referenced);
    s.removeAll(kinds.keySet());
    return s;
  }

  private void read(JsonNode n) {
    String type = text(n, "type");
    switch (type) {
      case "subject" -> subject(n);
      case "relation" -> relation(n);
      case "record" -> record(n);
      case "status" -> status(n);
      case "end" -> end(n);
      default -> throw new IllegalArgumentException("unknown type " + type);
    }
    lineTypes.merge(type, 1, Integer::sum);
  }

  private void subject(JsonNode n) {
    SubjectKind kind = SubjectKind.valueOf(text(n, "kind"));
    SubjectKey key = key(n);
    if (kind == SubjectKind.PERSON != key.isPerson()) {
      throw new IllegalArgumentException("kind " + kind + " with key " + key);
    }
    String name = text(n, "name");
    if (n.has("legalForm")) {
      LegalForm.valueOf(n.get("legalForm").asText());
      if (kind != SubjectKind.ENTERPRISE) {
        throw new IllegalArgumentException("legalForm on a " + kind);
      }
    } else if (kind == SubjectKind.ENTERPRISE) {
      throw new IllegalArgumentException("an enterprise without legalForm");
    }
    if (n.has("status")) {
      SubjectStatus.valueOf(n.get("status").asText());
    }
    if (n.has("registeredOn")) {
      Dates.parse(n.get("registeredOn").asText(), "registeredOn");
    }
    SubjectKind before = kinds.put(key, kind);
    if (before != null && before != kind) {
      throw new IllegalArgumentException(key + " is " + before + " and " + kind);
    }
    names.computeIfAbsent(key, k -> new HashSet<>()).add(name);
  }

  private void relation(JsonNode n) {
    RelationType rel = RelationType.valueOf(text(n, "rel"));
    SubjectKey from = key(n.get("from"));
    SubjectKey to = key(n.get("to"));
    LocalDate since = Dates.parse(text(n, "since"), "since");
    if (n.has("until") && Dates.parse(n.get("until").asText(), "until").isBefore(since)) {
      throw new IllegalArgumentException("until before since");
    }
    if (n.has("ratio")) {
      double r = n.get("ratio").asDouble();
      if (rel != RelationType.SHAREHOLDER || !(r > 0 && r <= 1)) {
        throw new IllegalArgumentException("ratio " + r + " on " + rel);
      }
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("relation to itself");
    }
    refer(from);
    refer(to);
    SubjectKind fk = kinds.get(from);
    SubjectKind tk = kinds.get(to);
    if (fk != null && tk != null && !rel.allows(fk, tk)) {
      throw new IllegalArgumentException(rel + " cannot join " + fk + " to " + tk);
    }
    relationTypes.merge(rel.name(), 1, Integer::sum);
    relations.add(
        new String[] {
          rel.name(),
          from.canonical(),
          to.canonical(),
          n.has("ratio") ? n.get("ratio").asText() : "",
          since.toString()
        });
  }

  private void record(JsonNode n) {
    String list = text(n, "list");
    LISTS.require(list);
    SubjectKey subject = key(n.get("subject"));
    refer(subject);
    LocalDate decided = Dates.parse(text(n, "decidedOn"), "decidedOn");
    Optional<LocalDate> until =
        n.has("effectiveUntil")
            ? Optional.of(Dates.parse(n.get("effectiveUntil").asText(), "effectiveUntil"))
            : Optional.empty();
    CreditRecord r =
        new CreditRecord(
            text(n, "id"),
            subject,
            list,
            text(n, "department"),
            n.path("decisionNo").asText(""),
            n.path("basis").asText(""),
            decided,
            null,
            until,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    if (n.has("liablePersons")) {
      for (JsonNode p : n.get("liablePersons")) {
        SubjectKey k = key(p);
        if (!k.isPerson()) {
          throw new IllegalArgumentException("liable person " + k + " is not a person");
        }
        refer(k);
      }
    }
    if (n.has("crime")) {
      io.credgraph.model.Crime.valueOf(n.get("crime").asText());
    }
    for (String f :
        List.of("sentenceCompletedOn", "probationEndsOn", "politicalRightsDeprivedUntil")) {
      if (n.has(f)) {
        Dates.parse(n.get(f).asText(), f);
      }
    }
    CreditRecord before = records.putIfAbsent(r.id(), r);
    if (before != null && !before.sameDecision(r)) {
      throw new IllegalArgumentException("record id " + r.id() + " used for two decisions");
    }
    lists.merge(list, 1, Integer::sum);
  }

  private void status(JsonNode n) {
    String id = text(n, "record");
    CreditRecord r = records.get(id);
    if (r == null) {
      throw new IllegalArgumentException("status change for unknown record " + id);
    }
    StatusEvent event = StatusEvent.valueOf(text(n, "status"));
    Optional<SubjectKey> person =
        n.has("person") ? Optional.of(key(n.get("person"))) : Optional.empty();
    person.ifPresent(this::refer);
    StatusChange c =
        new StatusChange(
            event,
            Dates.parse(text(n, "on"), "on"),
            Optional.empty(),
            person,
            new Provenance("TEST", "test", "", 1));
    records.put(id, r.withStatusChange(c));
    statuses.merge(event.name(), 1, Integer::sum);
  }

  private void end(JsonNode n) {
    RelationType.valueOf(text(n, "rel"));
    refer(key(n.get("from")));
    refer(key(n.get("to")));
    Dates.parse(text(n, "until"), "until");
  }

  private void refer(SubjectKey k) {
    referenced.add(k);
    if (!kinds.containsKey(k)) {
      forwardReferences++;
    }
  }

  static SubjectKey key(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("a subject reference must be an object");
    }
    if (n.has("uscc")) {
      return SubjectKey.uscc(n.get("uscc").asText());
    }
    if (n.has("idNumber")) {
      return SubjectKey.person(
          n.has("idType") ? n.get("idType").asText() : null, n.get("idNumber").asText());
    }
    throw new IllegalArgumentException("a subject reference needs uscc or idNumber");
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return v.asText();
  }
}
