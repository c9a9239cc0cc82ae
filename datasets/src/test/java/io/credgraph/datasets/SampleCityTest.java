package io.credgraph.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Dates;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.SubjectKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample city is clean, self-contained, and its stories agree with its data. */
class SampleCityTest {
  /** Every rule of DOMAIN.md section 5. */
  static final Set<String> RULES =
      Set.of(
          "CL146-1",
          "CL146-2",
          "CL146-3",
          "CL146-4",
          "CL146-5",
          "CL178-1",
          "CL178-2",
          "CL178-3",
          "CL178-4",
          "CL178-5",
          "MER12-1",
          "MER12-2",
          "MER12-3",
          "MER12-4",
          "MER12-5",
          "EIP17",
          "JS-DJD",
          "JS-CONSUMPTION",
          "JS-SID",
          "JS-SID-REP",
          "JS-TAX",
          "JS-PROC",
          "JS-BRIBE",
          "JS-PRACT",
          "JS-ABN",
          "JI-RED");

  static CheckerAccess sample;
  static Map<String, List<String>> lines = new HashMap<>();
  static JsonNode stories;

  @BeforeAll
  static void readSample() throws IOException {
    sample = new CheckerAccess();
    for (String b : SampleCity.batches()) {
      List<String> ls = SampleCity.lines(b);
      lines.put(b, ls);
      for (int i = 0; i < ls.size(); i++) {
        sample.accept(b + ":" + (i + 1), ls.get(i));
      }
    }
    try (InputStream in = SampleCity.openStories()) {
      stories = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void everyLineIsValidAndEveryKeyParses() {
    assertEquals(List.of(), sample.errors());
    assertTrue(
        sample.kinds().size() >= 250 && sample.kinds().size() <= 500,
        "a few hundred subjects: " + sample.kinds().size());
  }

  @Test
  void everyReferenceResolvesWithinTheSampleAndInFileOrder() {
    assertEquals(Set.of(), sample.unresolved());
    assertEquals(0, sample.forwardReferences(), "subjects come before the lines that use them");
  }

  @Test
  void batchesAreNamedByDepartmentInLoadOrder(@TempDir Path tmp) throws IOException {
    List<String> batches = SampleCity.batches();
    assertEquals(batches.stream().sorted().toList(), batches);
    assertEquals("PUBLIC_SECURITY", BatchFiles.department(batches.get(0)).orElseThrow());
    for (String b : batches) {
      assertTrue(BatchFiles.department(b).isPresent(), b);
    }
    List<Path> copied = SampleCity.copyTo(tmp);
    assertEquals(batches.size(), copied.size());
    for (Path p : copied) {
      assertEquals(
          lines.get(p.getFileName().toString()), Files.readAllLines(p, StandardCharsets.UTF_8));
    }
    Path bad = SampleCity.copyBadLinesTo(tmp);
    assertTrue(
        bad.getFileName().toString().compareTo(batches.get(batches.size() - 1)) > 0,
        "the bad lines sort after the clean batches");
  }

  @Test
  void everyStatusOccursIncludingDerivedExpiryAndReleases() {
    Set<RecordStatus> seen = new HashSet<>();
    boolean released = false;
    for (CreditRecord r : sample.records().values()) {
      seen.add(r.status());
      LocalDate late = LocalDate.of(2026, 11, 1);
      seen.add(r.statusOn(late));
      released |= r.history().stream().anyMatch(c -> c.person().isPresent());
    }
    assertEquals(Set.of(RecordStatus.values()), seen);
    assertTrue(released, "a court releases a person");
  }

  @Test
  void everyLineOfTheBadFileIsRejectedAfterTheCleanSample() throws IOException {
    CheckerAccess afterSample = new CheckerAccess();
    for (String b : SampleCity.batches()) {
      for (String l : lines.get(b)) {
        afterSample.accept(b, l);
      }
    }
    List<String> bad;
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(SampleCity.openBadLines(), StandardCharsets.UTF_8))) {
      bad = r.lines().toList();
    }
    assertTrue(bad.size() >= 10, "one line per class of bad input");
    for (int i = 0; i < bad.size(); i++) {
      assertTrue(
          afterSample.accept("bad:" + (i + 1), bad.get(i)).isPresent(),
          "line " + (i + 1) + " of the bad file is accepted: " + bad.get(i));
    }
  }

  @Test
  void storiesCoverEveryRuleAndStatusAndNameOnlyWhatTheSampleHolds() {
    Set<String> rules = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode story : stories.get("stories")) {
      String id = story.get("id").asText();
      story.get("rules").forEach(r -> rules.add(r.asText()));
      story.get("statuses").forEach(s -> statuses.add(s.asText()));
      for (JsonNode fact : story.get("facts")) {
        String[] at = fact.asText().split(":");
        List<String> file = lines.get(at[0]);
        if (file == null || Integer.parseInt(at[1]) > file.size()) {
          problems.add(id + ": fact " + fact.asText() + " is not a line of the sample");
        }
      }
      for (JsonNode check : story.get("checks")) {
        String kind = check.get("kind").asText();
        if (check.has("asOf")) {
          Dates.parse(check.get("asOf").asText(), "asOf");
        }
        collectSubjects(id, check, problems);
        for (JsonNode m : check.path("expect").path("reasons")) {
          checkRecord(id, m, problems);
          if (!RULES.contains(m.get("rule").asText())) {
            problems.add(id + ": unknown rule " + m.get("rule").asText());
          }
        }
        for (JsonNode m : check.path("expect").path("measures")) {
          checkRecord(id, m, problems);
        }
        if (kind.equals("sameFact")) {
          List<String> same = new ArrayList<>();
          for (JsonNode at : check.get("expect").get("lines")) {
            String[] fl = at.asText().split(":");
            same.add(lines.get(fl[0]).get(Integer.parseInt(fl[1]) - 1));
          }
          if (same.size() != 2 || !same.get(0).equals(same.get(1))) {
            problems.add(id + ": the lines of a fact delivered twice differ: " + same);
          }
        }
        if (kind.equals("appointment")
            && check.path("expect").path("eligible").asBoolean()
            && check.path("expect").path("reasons").size() > 0) {
          problems.add(id + ": an eligible answer with reasons");
        }
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(rules.containsAll(RULES), "rules without a story: " + diff(RULES, rules));
    assertTrue(
        statuses.containsAll(
            Set.of("ACTIVE", "OBJECTED", "REPAIRED", "REVOKED", "RELEASED", "EXPIRED")),
        "statuses without a story: " + statuses);
  }

  @Test
  void expectedRuleIdsFollowTheLawInForceOnTheDateAsked() {
    LocalDate revision = LocalDate.of(2024, 7, 1);
    LocalDate mer = LocalDate.of(2022, 3, 1);
    for (JsonNode story : stories.get("stories")) {
      for (JsonNode check : story.get("checks")) {
        if (!check.get("kind").asText().equals("appointment")) {
          continue;
        }
        LocalDate asOf = LocalDate.parse(check.get("asOf").asText());
        for (JsonNode r : check.path("expect").path("reasons")) {
          String rule = r.get("rule").asText();
          String where = story.get("id").asText() + " " + asOf + " " + rule;
          if (rule.startsWith("CL146")) {
            assertTrue(asOf.isBefore(revision), where);
          } else if (rule.startsWith("CL178")) {
            assertFalse(asOf.isBefore(revision), where);
          } else if (rule.startsWith("MER12")) {
            assertFalse(asOf.isBefore(mer), where);
          }
          if (!r.get("restrictedUntil").isNull()) {
            assertFalse(
                asOf.isAfter(LocalDate.parse(r.get("restrictedUntil").asText())),
                where + ": asOf after the end of the restriction");
          }
        }
      }
    }
  }

  private static void collectSubjects(String story, JsonNode n, List<String> problems) {
    if (n.isObject()) {
      if (n.has("name") && (n.has("uscc") || n.has("idNumber"))) {
        SubjectKey key =
            n.has("uscc")
                ? SubjectKey.uscc(n.get("uscc").asText())
                : SubjectKey.resident(n.get("idNumber").asText());
        Set<String> names = sample.names().get(key);
        if (names == null) {
          problems.add(story + ": subject " + key + " is not in the sample");
        } else if (!names.contains(n.get("name").asText())) {
          problems.add(
              story + ": " + key + " is called " + names + ", not " + n.get("name").asText());
        }
        return;
      }
      n.properties().forEach(e -> collectSubjects(story, e.getValue(), problems));
    } else if (n.isArray()) {
      n.forEach(x -> collectSubjects(story, x, problems));
    }
  }

  private static void checkRecord(String story, JsonNode m, List<String> problems) {
    String id = m.path("record").asText(null);
    if (id != null && !sample.records().containsKey(id)) {
      problems.add(story + ": record " + id + " is not in the sample");
    }
  }

  private static Set<String> diff(Set<String> a, Set<String> b) {
    Set<String> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }
}
