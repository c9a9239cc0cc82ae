package io.credgraph.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.Provenance;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.SubjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, deliberately plain reading of DOMAIN.md section 5.1 over the sample data, to check the hand-computed
 * appointment expectations of stories.yaml: if the two disagree, one of them misreads the rules. This is not the
 * engine (which the engine's own tests run against the same stories); it is a consistency check of the fixture.
 */
class StoriesAppointmentCrossCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate REVISION = LocalDate.of(2024, 7, 1);
  private static final LocalDate MER_FROM = LocalDate.of(2022, 3, 1);

  record Rel(String type, SubjectKey from, SubjectKey to, LocalDate since, LocalDate[] until) {
    boolean on(LocalDate d) {
      return !d.isBefore(since) && (until[0] == null || !d.isAfter(until[0]));
    }
  }

  static final Map<SubjectKey, String> forms = new HashMap<>();
  static final List<Rel> rels = new ArrayList<>();
  static final Map<String, CreditRecord> records = new HashMap<>();
  static JsonNode stories;

  @BeforeAll
  static void read() throws IOException {
    for (String b : SampleCity.batches()) {
      for (String line : SampleCity.lines(b)) {
        JsonNode n = JSON.readTree(line);
        switch (n.get("type").asText()) {
          case "subject" -> {
            if (n.has("legalForm")) {
              forms.put(ExchangeChecker.key(n), n.get("legalForm").asText());
            }
          }
          case "relation" -> rels.add(new Rel(n.get("rel").asText(), ExchangeChecker.key(n.get("from")),
              ExchangeChecker.key(n.get("to")), LocalDate.parse(n.get("since").asText()),
              new LocalDate[] {n.has("until") ? LocalDate.parse(n.get("until").asText()) : null}));
          case "end" -> {
            for (Rel r : rels) {
              if (r.type.equals(n.get("rel").asText()) && r.from.equals(ExchangeChecker.key(n.get("from")))
                  && r.to.equals(ExchangeChecker.key(n.get("to"))) && r.until[0] == null) {
                r.until[0] = LocalDate.parse(n.get("until").asText());
              }
            }
          }
          case "record" -> records.put(n.get("id").asText(), record(n));
          case "status" -> {
            Optional<SubjectKey> person = n.has("person") ? Optional.of(ExchangeChecker.key(n.get("person")))
                : Optional.empty();
            records.computeIfPresent(n.get("record").asText(), (k, r) -> r.withStatusChange(new StatusChange(
                StatusEvent.valueOf(n.get("status").asText()), LocalDate.parse(n.get("on").asText()),
                Optional.empty(), person, new Provenance("TEST", "t", "", 1))));
          }
          default -> throw new IllegalStateException(line);
        }
      }
    }
    try (InputStream in = SampleCity.openStories()) {
      stories = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void everyAppointmentExpectationFollowsFromTheRules() {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (JsonNode story : stories.get("stories")) {
      for (JsonNode c : story.get("checks")) {
        if (!c.get("kind").asText().equals("appointment")) {
          continue;
        }
        checked++;
        SubjectKey person = SubjectKey.resident(c.get("person").get("idNumber").asText());
        SubjectKey target = c.has("enterprise") ? SubjectKey.uscc(c.get("enterprise").get("uscc").asText()) : null;
        LocalDate asOf = LocalDate.parse(c.get("asOf").asText());
        Set<String> computed = reasons(person, c.get("role").asText(), target, asOf);
        Set<String> expected = new TreeSet<>();
        for (JsonNode r : c.get("expect").get("reasons")) {
          expected.add(r.get("rule").asText() + " " + r.get("record").asText() + " "
              + (r.get("restrictedUntil").isNull() ? "open" : r.get("restrictedUntil").asText()));
        }
        if (!computed.equals(expected) || c.get("expect").get("eligible").asBoolean() != computed.isEmpty()) {
          disagreements.add(story.get("id").asText() + " " + asOf + " " + c.get("role").asText() + ": expected "
              + expected + ", rules give " + computed);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, checked > 40, "appointment checks in the stories: " + checked);
  }

  /** DOMAIN.md 5.1, read plainly. */
  static Set<String> reasons(SubjectKey p, String role, SubjectKey target, LocalDate d) {
    Set<String> out = new TreeSet<>();
    boolean companyLaw = Set.of("DIRECTOR", "SUPERVISOR", "SENIOR_MANAGER").contains(role)
        || role.equals("LEGAL_REP") && (target == null || "COMPANY".equals(forms.get(target)));
    boolean mer = role.equals("LEGAL_REP") && !companyLaw && !d.isBefore(MER_FROM);
    String law = companyLaw ? (d.isBefore(REVISION) ? "CL146-" : "CL178-") : mer ? "MER12-" : null;
    for (CreditRecord r : records.values()) {
      if (r.status() == RecordStatus.REVOKED) {
        continue;
      }
      LocalDate lastInForce = lastInForce(r);
      if (law != null && r.subject().equals(p)) {
        switch (r.list()) {
          case "CIVIL_INCAPACITY", "DISHONEST_JUDGMENT_DEBTOR" -> {
            if (r.inForceOn(d, true)) {
              out.add(law + (r.list().equals("CIVIL_INCAPACITY") ? "1" : "5") + " " + r.id() + " "
                  + (lastInForce == null ? "open" : lastInForce));
            }
          }
          case "CRIMINAL_PENALTY" -> {
            LocalDate end = null;
            if (r.crime().map(Crime::barsOffice).orElse(false)) {
              end = r.probationEndsOn().map(x -> x.plusYears(law.equals("CL178-") ? 2 : 5))
                  .orElse(r.sentenceCompletedOn().map(x -> x.plusYears(5)).orElse(null));
            }
            if (r.politicalRightsDeprivedUntil().isPresent()) {
              LocalDate e2 = r.politicalRightsDeprivedUntil().get().plusYears(5);
              end = end == null || e2.isAfter(end) ? e2 : end;
            }
            if (end != null && !d.isBefore(r.decidedOn()) && !d.isAfter(end)) {
              out.add(law + "2 " + r.id() + " " + end);
            }
          }
          default -> { }
        }
      }
      if (law != null && r.liablePersons().contains(p)) {
        LocalDate end = cap(r.decidedOn().plusYears(3), lastInForce);
        boolean within = !d.isBefore(r.decidedOn()) && !d.isAfter(end);
        if (within && r.list().equals("BANKRUPTCY_LIQUIDATED")) {
          boolean officer = held(p, r.subject(), r.decidedOn(), Set.of("DIRECTOR", "SENIOR_MANAGER"));
          boolean rep = held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"));
          if (officer || law.equals("MER12-") && rep) {
            out.add(law + "3 " + r.id() + " " + end);
          }
        }
        if (within && Set.of("LICENCE_REVOKED", "ORDERED_CLOSED").contains(r.list())
            && held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"))) {
          out.add(law + "4 " + r.id() + " " + end);
        }
      }
      if (Set.of("LEGAL_REP", "MAIN_RESPONSIBLE").contains(role) && r.list().equals("SERIOUS_ILLEGAL_DISHONEST")
          && !r.subject().equals(target) && held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP",
              "MAIN_RESPONSIBLE"))) {
        LocalDate end = cap(r.decidedOn().plusYears(3), lastInForce);
        if (!d.isBefore(r.decidedOn()) && !d.isAfter(end)) {
          out.add("EIP17 " + r.id() + " " + end);
        }
      }
    }
    return out;
  }

  private static boolean held(SubjectKey p, SubjectKey org, LocalDate day, Set<String> types) {
    return rels.stream().anyMatch(r -> types.contains(r.type) && r.from.equals(p) && r.to.equals(org) && r.on(day));
  }

  /** The last day a record is in force: the day before a repair, or effectiveUntil; null when open-ended. */
  private static LocalDate lastInForce(CreditRecord r) {
    LocalDate end = r.effectiveUntil().orElse(null);
    return cap(end, r.repairedOn().map(x -> x.minusDays(1)).orElse(null));
  }

  private static LocalDate cap(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static CreditRecord record(JsonNode n) {
    List<SubjectKey> liable = new ArrayList<>();
    n.path("liablePersons").forEach(x -> liable.add(ExchangeChecker.key(x)));
    return new CreditRecord(n.get("id").asText(), ExchangeChecker.key(n.get("subject")), n.get("list").asText(),
        n.get("department").asText(), "", "", LocalDate.parse(n.get("decidedOn").asText()), null,
        date(n, "effectiveUntil"), liable, Optional.empty(),
        n.has("crime") ? Optional.of(Crime.valueOf(n.get("crime").asText())) : Optional.empty(),
        date(n, "sentenceCompletedOn"), date(n, "probationEndsOn"), date(n, "politicalRightsDeprivedUntil"), null,
        null, null);
  }

  private static Optional<LocalDate> date(JsonNode n, String f) {
    return n.has(f) ? Optional.of(LocalDate.parse(n.get(f).asText())) : Optional.empty();
  }
}
