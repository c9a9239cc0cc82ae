package io.credgraph.api.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.api.view.AlertView;
import io.credgraph.engine.Alert;
import io.credgraph.engine.AlertKind;
import io.credgraph.engine.EvidencePath;
import io.credgraph.engine.Reason;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectRef;
import io.credgraph.rules.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert history's file: identity (an alert seen again is not recorded again; another raisedOn
 * or rule is another alert), createdAt that never goes backwards, and a complete line that cannot
 * be read stops the start with the file and line. 张三 (11010519491231002X) is a sitting LEGAL_REP of
 * 阿尔法 while a judgment debtor from 2024-03-01.
 */
class AlertHistoryTest {
  static final Clock FIXED = Clock.fixed(Instant.parse("2025-06-01T02:00:00Z"), ZoneOffset.UTC);
  static final SubjectRef ZHANG =
      new SubjectRef(
          new SubjectId("s1000000000000001"),
          SubjectKind.PERSON,
          "张三",
          SubjectKey.resident("11010519491231002X"));
  static final SubjectRef ALPHA =
      new SubjectRef(
          new SubjectId("s1000000000000002"),
          SubjectKind.ENTERPRISE,
          "阿尔法",
          SubjectKey.uscc("91350100M000100Y43"));

  static Alert officer(String rule, LocalDate from) {
    Reason r =
        new Reason(
            rule,
            "t",
            "b",
            List.of("COURT-2024-0001"),
            "DISHONEST_JUDGMENT_DEBTOR",
            new EvidencePath(List.of(ZHANG), List.of()),
            from,
            Optional.empty(),
            false);
    return new Alert(
        AlertKind.SITTING_OFFICER,
        ZHANG,
        Optional.of(ALPHA),
        Optional.of(Role.LEGAL_REP),
        from,
        List.of(r));
  }

  @Test
  void anAlertIsRecordedOnceAndCreatedAtNeverGoesBackwards(@TempDir Path dir) throws IOException {
    Path file = dir.resolve(AlertHistory.FILE);
    AlertHistory h = AlertHistory.open(file);
    LocalDate march = LocalDate.parse("2024-03-01");
    assertEquals(1, h.record(List.of(officer("CL178-1", march)), FIXED));
    assertEquals(
        0, h.record(List.of(officer("CL178-1", march)), FIXED), "seen again: not recorded again");
    assertEquals(
        1, h.record(List.of(officer("CL178-1", march.plusDays(1))), FIXED), "another raisedOn");
    assertEquals(1, h.record(List.of(officer("CL178-5", march)), FIXED), "another rule");
    List<AlertView> all =
        h.list(Optional.empty(), LocalDate.parse("2025-06-01"), Optional.empty(), false);
    assertEquals(3, all.size());
    Instant first =
        h.list(Optional.empty(), march, Optional.empty(), false).stream()
            .map(a -> a.createdAt().orElseThrow())
            .min(Instant::compareTo)
            .orElseThrow();
    assertEquals(FIXED.instant(), first);
    assertEquals(
        3,
        all.stream().map(a -> a.createdAt().orElseThrow()).distinct().count(),
        "a clock that stands still still stamps each group after the last");
    assertFalse(Files.readString(file).contains("11010519491231002X"), "no ID number on disk");
    assertEquals(3, Files.readAllLines(file).size());
    assertEquals(
        all,
        AlertHistory.open(file)
            .list(Optional.empty(), LocalDate.parse("2025-06-01"), Optional.empty(), false),
        "read back as written");
    assertEquals(
        List.of(),
        h.list(
            Optional.of(AlertKind.ESCALATION),
            LocalDate.parse("2025-06-01"),
            Optional.empty(),
            false));
  }

  @Test
  void aCompleteLineThatCannotBeReadStopsTheStartWithFileAndLine(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve(AlertHistory.FILE);
    AlertHistory.open(file)
        .record(List.of(officer("CL178-1", LocalDate.parse("2024-03-01"))), FIXED);
    Files.writeString(file, Files.readString(file) + "{\"kind\":\"NOPE\"}\n");
    CredgraphException e = assertThrows(CredgraphException.class, () -> AlertHistory.open(file));
    assertTrue(
        e.getMessage().contains(file.toString()) && e.getMessage().contains("line 2"),
        e.getMessage());
  }
}
