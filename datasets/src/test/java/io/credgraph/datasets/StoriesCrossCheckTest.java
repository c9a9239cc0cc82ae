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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A second, deliberately plain reading of DOMAIN.md sections 5.1 and 5.2 over the sample data, to
 * check the hand-computed appointment, sanctions and ownership expectations of stories.yaml: if the
 * two disagree, one of them misreads the rules. This is not the engine ({@link
 * SampleCityStoriesTest} runs the real loader and engine against the same stories); it is a
 * consistency check of the fixture.
 */
class StoriesCrossCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate REVISION = LocalDate.of(2024, 7, 1);
  private static final LocalDate MER_FROM = LocalDate.of(2022, 3, 1);

  record Rel(
      String type,
      SubjectKey from,
      SubjectKey to,
      LocalDate since,
      LocalDate[] until,
      Double ratio) {
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
          case "relation" ->
              rels.add(
                  new Rel(
                      n.get("rel").asText(),
                      ExchangeChecker.key(n.get("from")),
                      ExchangeChecker.key(n.get("to")),
                      LocalDate.parse(n.get("since").asText()),
                      new LocalDate[] {
                        n.has("until") ? LocalDate.parse(n.get("until").asText()) : null
                      },
                      n.has("ratio") ? n.get("ratio").asDouble() : null));
          case "end" -> {
            for (Rel r : rels) {
              if (r.type.equals(n.get("rel").asText())
                  && r.from.equals(ExchangeChecker.key(n.get("from")))
                  && r.to.equals(ExchangeChecker.key(n.get("to")))
                  && r.until[0] == null) {
                r.until[0] = LocalDate.parse(n.get("until").asText());
              }
            }
          }
          case "record" -> records.put(n.get("id").asText(), record(n));
          case "status" -> {
            Optional<SubjectKey> person =
                n.has("person")
                    ? Optional.of(ExchangeChecker.key(n.get("person")))
                    : Optional.empty();
            records.computeIfPresent(
                n.get("record").asText(),
                (k, r) ->
                    r.withStatusChange(
                        new StatusChange(
                            StatusEvent.valueOf(n.get("status").asText()),
                            LocalDate.parse(n.get("on").asText()),
                            Optional.empty(),
                            person,
                            new Provenance("TEST", "t", "", 1))));
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
        SubjectKey target =
            c.has("enterprise") ? SubjectKey.uscc(c.get("enterprise").get("uscc").asText()) : null;
        LocalDate asOf = LocalDate.parse(c.get("asOf").asText());
        Set<String> computed = reasons(person, c.get("role").asText(), target, asOf);
        Set<String> expected = new TreeSet<>();
        for (JsonNode r : c.get("expect").get("reasons")) {
          expected.add(
              r.get("rule").asText()
                  + " "
                  + r.get("record").asText()
                  + " "
                  + (r.get("restrictedUntil").isNull()
                      ? "open"
                      : r.get("restrictedUntil").asText()));
        }
        if (!computed.equals(expected)
            || c.get("expect").get("eligible").asBoolean() != computed.isEmpty()) {
          disagreements.add(
              story.get("id").asText()
                  + " "
                  + asOf
                  + " "
                  + c.get("role").asText()
                  + ": expected "
                  + expected
                  + ", rules give "
                  + computed);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, checked > 40, "appointment checks in the stories: " + checked);
  }

  @Test
  void everySanctionsExpectationFollowsFromTheCatalogue() {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (JsonNode story : stories.get("stories")) {
      for (JsonNode c : story.get("checks")) {
        if (!c.get("kind").asText().equals("sanctions")) {
          continue;
        }
        checked++;
        JsonNode s = c.get("subject");
        SubjectKey subject =
            s.has("uscc")
                ? SubjectKey.uscc(s.get("uscc").asText())
                : SubjectKey.resident(s.get("idNumber").asText());
        LocalDate asOf = LocalDate.parse(c.get("asOf").asText());
        Set<String> expected = new TreeSet<>();
        for (JsonNode m : c.get("expect").get("measures")) {
          expected.add(
              measure(
                  m.get("rule").asText(),
                  m.get("domain").isNull() ? null : m.get("domain").asText(),
                  m.get("kind").asText(),
                  m.get("record").asText(),
                  m.get("until").isNull() ? null : LocalDate.parse(m.get("until").asText()),
                  m.has("organisation")
                      ? SubjectKey.uscc(m.get("organisation").get("uscc").asText())
                      : null,
                  m.path("escalation").asBoolean(false)));
        }
        Set<String> computed = measures(subject, asOf);
        if (!computed.equals(expected)) {
          Set<String> missing = new TreeSet<>(expected);
          missing.removeAll(computed);
          Set<String> extra = new TreeSet<>(computed);
          extra.removeAll(expected);
          disagreements.add(
              story.get("id").asText()
                  + " "
                  + asOf
                  + ": expected but not computed "
                  + missing
                  + "; computed but not expected "
                  + extra);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, checked > 30, "sanctions checks in the stories: " + checked);
  }

  @Test
  void everyOwnershipExpectationFollowsFromTheShareholdings() {
    List<String> disagreements = new ArrayList<>();
    int checked = 0;
    for (JsonNode story : stories.get("stories")) {
      for (JsonNode c : story.get("checks")) {
        if (!c.get("kind").asText().equals("ownership") || !c.get("expect").has("owners")) {
          continue;
        }
        checked++;
        SubjectKey target = SubjectKey.uscc(c.get("enterprise").get("uscc").asText());
        Map<SubjectKey, Double> shares =
            effectiveOwners(target, LocalDate.parse(c.get("asOf").asText()));
        JsonNode e = c.get("expect");
        Map<SubjectKey, Double> expected = new HashMap<>();
        e.get("owners")
            .forEach(
                o ->
                    expected.put(
                        SubjectKey.resident(o.get("owner").get("idNumber").asText()),
                        o.get("share").asDouble()));
        if (!shares.keySet().equals(expected.keySet())) {
          disagreements.add(target + ": owners " + shares.keySet() + " vs " + expected.keySet());
          continue;
        }
        for (Map.Entry<SubjectKey, Double> x : expected.entrySet()) {
          if (Math.abs(shares.get(x.getKey()) - x.getValue()) > 1e-6) {
            disagreements.add(
                target
                    + ": "
                    + x.getKey()
                    + " holds "
                    + shares.get(x.getKey())
                    + ", expected "
                    + x.getValue());
          }
        }
        Set<SubjectKey> atThreshold = new HashSet<>();
        e.get("ultimateAtThreshold")
            .forEach(o -> atThreshold.add(SubjectKey.resident(o.get("idNumber").asText())));
        Set<SubjectKey> computed = new HashSet<>();
        shares.forEach(
            (k, v) -> {
              if (v >= 0.25) {
                computed.add(k);
              }
            });
        if (!computed.equals(atThreshold)) {
          disagreements.add(target + ": at threshold " + computed + " vs " + atThreshold);
        }
        SubjectKey controller =
            rels.stream()
                .filter(r -> r.type.equals("ACTUAL_CONTROLLER") && r.to.equals(target))
                .map(Rel::from)
                .findFirst()
                .orElse(
                    shares.entrySet().stream()
                        .filter(x -> x.getValue() > 0.5)
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse(null));
        SubjectKey expectedController =
            SubjectKey.resident(e.get("actualController").get("idNumber").asText());
        if (!expectedController.equals(controller)) {
          disagreements.add(
              target + ": actual controller " + controller + " vs " + expectedController);
        }
      }
    }
    assertEquals(List.of(), disagreements);
    assertEquals(true, checked >= 4, "ownership checks: " + checked);
  }

  /**
   * Persons' effective shares in {@code target}: the sum over walks of the products of ratios
   * (DOMAIN 6.4).
   */
  static Map<SubjectKey, Double> effectiveOwners(SubjectKey target, LocalDate d) {
    Map<SubjectKey, Double> persons = new HashMap<>();
    Map<SubjectKey, Double> frontier = Map.of(target, 1.0);
    for (int step = 0; step < 200 && !frontier.isEmpty(); step++) {
      Map<SubjectKey, Double> next = new HashMap<>();
      for (Map.Entry<SubjectKey, Double> f : frontier.entrySet()) {
        for (Rel r : rels) {
          if (r.type.equals("SHAREHOLDER")
              && r.to.equals(f.getKey())
              && r.on(d)
              && r.ratio != null) {
            double v = f.getValue() * r.ratio;
            (r.from.isPerson() ? persons : next).merge(r.from, v, Double::sum);
          }
        }
      }
      next.values().removeIf(v -> v < 1e-12);
      frontier = next;
    }
    return persons;
  }

  private static final List<String> FOUR =
      List.of("GOV_PROCUREMENT", "PUBLIC_BIDDING", "SUBSIDY", "HONOURS");
  private static final Set<String> BLACK =
      Set.of(
          "DISHONEST_JUDGMENT_DEBTOR",
          "CONSUMPTION_RESTRICTED",
          "SERIOUS_ILLEGAL_DISHONEST",
          "MAJOR_TAX_VIOLATION",
          "PROCUREMENT_VIOLATION",
          "BRIBERY_RECORD",
          "PRACTITIONER_MISCONDUCT");

  /** DOMAIN.md 5.2, read plainly, for one subject. */
  static Set<String> measures(SubjectKey x, LocalDate d) {
    Set<String> out = new TreeSet<>();
    boolean blackInForce =
        records.values().stream()
            .anyMatch(
                r -> r.subject().equals(x) && BLACK.contains(r.list()) && r.inForceOn(d, true));
    for (CreditRecord r : records.values()) {
      if (!r.inForceOn(d, true)) {
        continue;
      }
      LocalDate until = lastInForce(r);
      String id = r.id();
      boolean own = r.subject().equals(x);
      switch (r.list()) {
        case "DISHONEST_JUDGMENT_DEBTOR" -> {
          if (own) {
            for (String dom :
                List.of(
                    "GOV_PROCUREMENT",
                    "PUBLIC_BIDDING",
                    "SUBSIDY",
                    "HONOURS",
                    "FINANCING",
                    "LAND_TRADING")) {
              out.add(measure("JS-DJD", dom, "RESTRICT", id, until, null, false));
            }
            if (x.isPerson()) {
              out.add(measure("JS-DJD", "HIGH_CONSUMPTION", "RESTRICT", id, until, null, false));
            }
          }
          consumption(r, x, d, until, out);
        }
        case "CONSUMPTION_RESTRICTED" -> consumption(r, x, d, until, out);
        case "SERIOUS_ILLEGAL_DISHONEST" -> {
          if (own) {
            FOUR.forEach(
                dom -> out.add(measure("JS-SID", dom, "RESTRICT", id, until, null, false)));
            out.add(measure("JS-SID", "INSPECTION", "ALERT", id, until, null, false));
          }
          if (!r.subject().isPerson() && held(x, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"))) {
            out.add(measure("JS-SID-REP", "HONOURS", "RESTRICT", id, until, null, false));
            for (Rel rel : rels) {
              if (rel.type.equals("LEGAL_REP")
                  && rel.from.equals(x)
                  && !rel.to.equals(r.subject())
                  && rel.on(d)) {
                out.add(measure("JS-SID-REP", null, "ALERT", id, until, rel.to, false));
              }
            }
          }
        }
        case "MAJOR_TAX_VIOLATION" -> {
          if (own || held(x, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"))) {
            FOUR.forEach(
                dom -> out.add(measure("JS-TAX", dom, "RESTRICT", id, until, null, false)));
          }
        }
        case "PROCUREMENT_VIOLATION" -> {
          if (own) {
            out.add(measure("JS-PROC", "GOV_PROCUREMENT", "RESTRICT", id, until, null, false));
          }
        }
        case "BRIBERY_RECORD" -> {
          if (own) {
            out.add(measure("JS-BRIBE", "PUBLIC_BIDDING", "RESTRICT", id, until, null, false));
            out.add(measure("JS-BRIBE", "GOV_PROCUREMENT", "RESTRICT", id, until, null, false));
          }
        }
        case "PRACTITIONER_MISCONDUCT" -> {
          if (own) {
            out.add(measure("JS-PRACT", "HONOURS", "RESTRICT", id, until, null, false));
            for (Rel rel : rels) {
              if (rel.type.equals("PRACTISES_AT") && rel.from.equals(x) && rel.on(d)) {
                // the alert to an employer lasts while the person practises there
                out.add(
                    measure(
                        "JS-PRACT", null, "ALERT", id, cap(until, rel.until[0]), rel.to, false));
              }
            }
          }
        }
        case "ABNORMAL_OPERATION" -> {
          if (own) {
            out.add(measure("JS-ABN", "INSPECTION", "ALERT", id, until, null, false));
            out.add(measure("JS-ABN", "HONOURS", "RESTRICT", id, until, null, false));
            if (!d.isBefore(r.effectiveFrom().plusYears(3))) {
              out.add(measure("JS-ABN", null, "ALERT", id, until, null, true));
            }
          }
        }
        case "A_TAXPAYER", "CONTRACT_ABIDING" -> {
          if (own && !blackInForce) {
            // suspended from the first later day a BLACK record of the subject comes into force
            LocalDate suspended =
                records.values().stream()
                    .filter(
                        b ->
                            b.subject().equals(x)
                                && BLACK.contains(b.list())
                                && b.status() != RecordStatus.REVOKED
                                && b.effectiveFrom().isAfter(d))
                    .map(b -> b.effectiveFrom().minusDays(1))
                    .min(LocalDate::compareTo)
                    .orElse(null);
            out.add(
                measure(
                    "JI-RED",
                    "GREEN_CHANNEL",
                    "INCENTIVE",
                    id,
                    cap(until, suspended),
                    null,
                    false));
          }
        }
        default -> {}
      }
    }
    return out;
  }

  private static void consumption(
      CreditRecord r, SubjectKey x, LocalDate d, LocalDate until, Set<String> out) {
    if (r.subject().isPerson() || !x.isPerson() || r.releasedOn(x, d)) {
      return;
    }
    boolean holder =
        rels.stream()
            .anyMatch(
                rel ->
                    Set.of("LEGAL_REP", "MAIN_RESPONSIBLE", "ACTUAL_CONTROLLER").contains(rel.type)
                        && rel.from.equals(x)
                        && rel.to.equals(r.subject())
                        && !rel.since.isAfter(d)
                        && (rel.until[0] == null || !rel.until[0].isBefore(r.decidedOn())));
    if (holder) {
      // a release known in advance ends the restriction for that person the day before
      LocalDate last = cap(until, r.releaseDate(x).map(day -> day.minusDays(1)).orElse(null));
      out.add(measure("JS-CONSUMPTION", "HIGH_CONSUMPTION", "RESTRICT", r.id(), last, null, false));
    }
  }

  private static String measure(
      String rule,
      String domain,
      String kind,
      String record,
      LocalDate until,
      SubjectKey organisation,
      boolean escalation) {
    return rule
        + " "
        + domain
        + " "
        + kind
        + " "
        + record
        + " until "
        + (until == null ? "open" : until)
        + (organisation == null ? "" : " at " + organisation)
        + (escalation ? " escalation" : "");
  }

  /** DOMAIN.md 5.1, read plainly. */
  static Set<String> reasons(SubjectKey p, String role, SubjectKey target, LocalDate d) {
    Set<String> out = new TreeSet<>();
    boolean companyLaw =
        Set.of("DIRECTOR", "SUPERVISOR", "SENIOR_MANAGER").contains(role)
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
              out.add(
                  law
                      + (r.list().equals("CIVIL_INCAPACITY") ? "1" : "5")
                      + " "
                      + r.id()
                      + " "
                      + (lastInForce == null ? "open" : lastInForce));
            }
          }
          case "CRIMINAL_PENALTY" -> {
            LocalDate end = null;
            if (r.crime().map(Crime::barsOffice).orElse(false)) {
              end =
                  r.probationEndsOn()
                      .map(x -> x.plusYears(law.equals("CL178-") ? 2 : 5))
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
          default -> {}
        }
      }
      if (law != null && r.liablePersons().contains(p)) {
        LocalDate end = cap(r.decidedOn().plusYears(3), lastInForce);
        boolean within = !d.isBefore(r.decidedOn()) && !d.isAfter(end);
        if (within && r.list().equals("BANKRUPTCY_LIQUIDATED")) {
          boolean officer =
              held(p, r.subject(), r.decidedOn(), Set.of("DIRECTOR", "SENIOR_MANAGER"));
          boolean rep = held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"));
          if (officer || law.equals("MER12-") && rep) {
            out.add(law + "3 " + r.id() + " " + end);
          }
        }
        if (within
            && Set.of("LICENCE_REVOKED", "ORDERED_CLOSED").contains(r.list())
            && held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP"))) {
          out.add(law + "4 " + r.id() + " " + end);
        }
      }
      if (Set.of("LEGAL_REP", "MAIN_RESPONSIBLE").contains(role)
          && r.list().equals("SERIOUS_ILLEGAL_DISHONEST")
          && !r.subject().equals(target)
          && held(p, r.subject(), r.decidedOn(), Set.of("LEGAL_REP", "MAIN_RESPONSIBLE"))) {
        LocalDate end = cap(r.decidedOn().plusYears(3), lastInForce);
        if (!d.isBefore(r.decidedOn()) && !d.isAfter(end)) {
          out.add("EIP17 " + r.id() + " " + end);
        }
      }
    }
    return out;
  }

  private static boolean held(SubjectKey p, SubjectKey org, LocalDate day, Set<String> types) {
    return rels.stream()
        .anyMatch(r -> types.contains(r.type) && r.from.equals(p) && r.to.equals(org) && r.on(day));
  }

  /**
   * The last day a record is in force: the day before a repair, or effectiveUntil; null when
   * open-ended.
   */
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
    return new CreditRecord(
        n.get("id").asText(),
        ExchangeChecker.key(n.get("subject")),
        n.get("list").asText(),
        n.get("department").asText(),
        "",
        "",
        LocalDate.parse(n.get("decidedOn").asText()),
        null,
        date(n, "effectiveUntil"),
        liable,
        Optional.empty(),
        n.has("crime") ? Optional.of(Crime.valueOf(n.get("crime").asText())) : Optional.empty(),
        date(n, "sentenceCompletedOn"),
        date(n, "probationEndsOn"),
        date(n, "politicalRightsDeprivedUntil"),
        null,
        null,
        null);
  }

  private static Optional<LocalDate> date(JsonNode n, String f) {
    return n.has(f) ? Optional.of(LocalDate.parse(n.get(f).asText())) : Optional.empty();
  }
}
