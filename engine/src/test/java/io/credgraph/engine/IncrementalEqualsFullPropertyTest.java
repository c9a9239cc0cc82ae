package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.credgraph.CredgraphException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Role;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Propagation kept current equals propagation from scratch: random sequences of events (new record,
 * status change, release, new relation, end of a relation, new subject, a subject changing kind)
 * applied through the engine to a generated graph leave exactly the derived measures, and exactly
 * the answers, that a full recomputation from the store gives. Each event is an int decoded
 * deterministically, so jqwik shrinks a failure to a short sequence.
 */
class IncrementalEqualsFullPropertyTest {
  private static final Provenance PROV = new Provenance("TEST", "property", "", 0);
  private static final String[] LISTS = {
    "DISHONEST_JUDGMENT_DEBTOR",
    "CONSUMPTION_RESTRICTED",
    "SERIOUS_ILLEGAL_DISHONEST",
    "MAJOR_TAX_VIOLATION",
    "PROCUREMENT_VIOLATION",
    "BRIBERY_RECORD",
    "PRACTITIONER_MISCONDUCT",
    "LICENCE_REVOKED",
    "ORDERED_CLOSED",
    "BANKRUPTCY_LIQUIDATED",
    "CRIMINAL_PENALTY",
    "CIVIL_INCAPACITY",
    "ABNORMAL_OPERATION",
    "A_TAXPAYER",
    "CONTRACT_ABIDING"
  };
  private static final String[] PATH_LISTS = {
    "SERIOUS_ILLEGAL_DISHONEST",
    "DISHONEST_JUDGMENT_DEBTOR",
    "CONSUMPTION_RESTRICTED",
    "MAJOR_TAX_VIOLATION",
    "BANKRUPTCY_LIQUIDATED",
    "LICENCE_REVOKED",
    "PRACTITIONER_MISCONDUCT"
  };
  private static final LocalDate BASE = LocalDate.of(2019, 1, 1);
  private static final LocalDate[] PROBES = {
    LocalDate.of(2019, 6, 1),
    LocalDate.of(2021, 1, 1),
    LocalDate.of(2022, 3, 1),
    LocalDate.of(2024, 6, 30),
    LocalDate.of(2024, 7, 1),
    LocalDate.of(2026, 2, 28)
  };

  @Property(tries = 150)
  void incrementalPropagationEqualsFullRecomputation(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = Integer.MAX_VALUE - 1) Integer> setup,
      @ForAll @Size(min = 1, max = 25)
          List<@IntRange(min = 0, max = Integer.MAX_VALUE - 1) Integer> events) {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine engine = CredgraphEngine.open(store);
    World w = new World();
    engine.write(w.initial());
    // a richer graph in one multi-operation batch; a batch the store refuses is left out as a whole
    WriteBatch.Builder b = WriteBatch.builder();
    for (int code : setup) {
      b.add(w.event(code));
    }
    try {
      engine.write(b.build());
    } catch (CredgraphException refused) {
      // an impossible status change in the setup: nothing of the batch was stored
    }
    for (int code : events) {
      try {
        engine.write(WriteBatch.of(w.event(code)));
      } catch (CredgraphException refused) {
        // the store refused an impossible event (e.g. a status change from REVOKED): nothing was
        // written
      }
      CredgraphEngine full = CredgraphEngine.open(store);
      assertEquals(
          full.derivedFingerprint(), engine.derivedFingerprint(), "derived measures after " + code);
      assertEquals(full.version(), engine.version());
    }
    CredgraphEngine full = CredgraphEngine.open(store);
    assertEquals(answers(full, w), answers(engine, w));
  }

  private static List<String> answers(CredgraphEngine e, World w) {
    List<String> out = new ArrayList<>();
    for (LocalDate day : PROBES) {
      out.add(e.checkSanctions(w.all, Optional.empty(), day).toString());
      for (SubjectKey p : w.persons) {
        for (Role role : Role.values()) {
          out.add(e.checkAppointment(p, role, Optional.empty(), day).toString());
        }
      }
      out.add(e.alerts(Optional.empty(), day, Optional.empty()).toString());
    }
    return out;
  }

  /**
   * The generated world: a few persons and organisations, the relations and records made so far.
   */
  static final class World {
    final List<SubjectKey> persons = new ArrayList<>();
    final List<SubjectKey> orgs = new ArrayList<>();
    final List<SubjectKey> all = new ArrayList<>();
    final List<Relation> relations = new ArrayList<>();
    final List<CreditRecord> records = new ArrayList<>();
    int next;

    WriteBatch initial() {
      WriteBatch.Builder b = WriteBatch.builder();
      for (int i = 0; i < 6; i++) {
        b.subject(newSubject(i % 2 == 0));
      }
      return b.build();
    }

    private Subject newSubject(boolean person) {
      int i = next++;
      if (person) {
        SubjectKey k = EngineScenarios.personKey(i);
        persons.add(k);
        all.add(k);
        return Subject.of(SubjectKind.PERSON, k, "P" + i).withProvenance(List.of(PROV));
      }
      SubjectKey k = EngineScenarios.orgKey(i);
      orgs.add(k);
      all.add(k);
      Subject s = Subject.of(SubjectKind.ENTERPRISE, k, "E" + i);
      if (i % 3 != 2) {
        s = s.withLegalForm(i % 3 == 0 ? LegalForm.COMPANY : LegalForm.PARTNERSHIP);
      }
      return s.withProvenance(List.of(PROV));
    }

    private static LocalDate date(int v) {
      return BASE.plusDays((v % 40) * 59L);
    }

    private static <T> T pick(List<T> l, int v) {
      return l.get(Math.floorMod(v, l.size()));
    }

    WriteOp event(int code) {
      // weights: records 3, relations 3, status 1, release 1, end of relation 1, subjects 1 (of 10)
      int kind = new int[] {0, 0, 0, 3, 3, 3, 1, 2, 4, 5}[code % 10];
      int v = code / 10;
      if (kind == 5 && v % 3 == 0) {
        kind = 6;
      }
      switch (kind) {
        case 0 -> {
          // half of the records on lists whose rules follow relations
          String list =
              v % 2 == 0 ? PATH_LISTS[(v / 2) % PATH_LISTS.length] : LISTS[(v / 2) % LISTS.length];
          v /= 2 * LISTS.length;
          boolean personal =
              List.of("CRIMINAL_PENALTY", "CIVIL_INCAPACITY", "PRACTITIONER_MISCONDUCT")
                  .contains(list);
          SubjectKey subject =
              personal ? pick(persons, v) : pick(v % 4 == 0 ? persons : orgs, v / 4);
          v /= 16;
          LocalDate decided = date(v).plusYears(1);
          v /= 40;
          Optional<LocalDate> until =
              v % 3 == 0 ? Optional.of(decided.plusDays(100 + (v % 7) * 211L)) : Optional.empty();
          List<SubjectKey> liable = new ArrayList<>();
          for (int i = 0; i < persons.size(); i++) {
            if (((v >> i) & 1) == 1) {
              liable.add(persons.get(i));
            }
          }
          Optional<Crime> crime =
              list.equals("CRIMINAL_PENALTY")
                  ? Optional.of(Crime.values()[v % Crime.values().length])
                  : Optional.empty();
          Optional<LocalDate> probation =
              crime.isPresent() && v % 2 == 0
                  ? Optional.of(decided.plusYears(1))
                  : Optional.empty();
          Optional<LocalDate> completed =
              crime.isPresent() && v % 5 == 1
                  ? Optional.of(decided.plusYears(2))
                  : Optional.empty();
          Optional<LocalDate> political =
              crime.isPresent() && v % 7 == 3
                  ? Optional.of(decided.plusYears(3))
                  : Optional.empty();
          CreditRecord r =
              new CreditRecord(
                  "R" + records.size(),
                  subject,
                  list,
                  "TEST",
                  "",
                  "basis",
                  decided,
                  decided,
                  until,
                  liable,
                  Optional.empty(),
                  crime,
                  completed,
                  probation,
                  political,
                  Map.of(),
                  List.of(),
                  List.of(PROV));
          records.add(r);
          return new WriteOp.PutRecord(r);
        }
        case 1, 2 -> {
          if (records.isEmpty()) {
            return new WriteOp.PutSubject(newSubject(v % 2 == 0));
          }
          CreditRecord r = pick(records, v);
          v /= 97;
          LocalDate on = r.decidedOn().plusDays((v % 9) * 120L);
          if (kind == 2) {
            return new WriteOp.AppendStatus(
                r.id(),
                new StatusChange(
                    StatusEvent.RELEASED,
                    on,
                    Optional.empty(),
                    Optional.of(pick(persons, v / 9)),
                    PROV));
          }
          StatusEvent ev =
              new StatusEvent[] {
                    StatusEvent.OBJECTED,
                    StatusEvent.ACTIVE,
                    StatusEvent.REPAIRED,
                    StatusEvent.REVOKED
                  }
                  [(v / 9) % 4];
          return new WriteOp.AppendStatus(
              r.id(), new StatusChange(ev, on, Optional.empty(), Optional.empty(), PROV));
        }
        case 3 -> {
          // half of the relations LEGAL_REP, the relation most rules follow
          RelationType type =
              v % 2 == 0
                  ? RelationType.LEGAL_REP
                  : RelationType.values()[(v / 2) % RelationType.values().length];
          v /= 2 * RelationType.values().length;
          SubjectKey from =
              type.fromKinds().contains(SubjectKind.PERSON)
                      && (v % 3 != 0 || !type.fromKinds().contains(SubjectKind.ENTERPRISE))
                  ? pick(persons, v / 3)
                  : pick(orgs, v / 3);
          v /= 97;
          SubjectKey to =
              type.toKinds().contains(SubjectKind.PERSON) ? pick(persons, v) : pick(orgs, v);
          if (from.equals(to)) {
            return new WriteOp.PutSubject(newSubject(false));
          }
          v /= 13;
          LocalDate since = v % 3 == 0 ? date(v) : BASE.plusDays((v % 10) * 59L);
          Optional<LocalDate> until =
              v % 4 == 0 ? Optional.of(since.plusDays(30 + (v % 11) * 97L)) : Optional.empty();
          OptionalDouble ratio =
              type == RelationType.SHAREHOLDER
                  ? OptionalDouble.of(0.1 + (v % 9) * 0.1)
                  : OptionalDouble.empty();
          Relation rel = new Relation(type, from, to, since, until, ratio, Map.of(), List.of(PROV));
          relations.add(rel);
          return new WriteOp.PutRelation(rel);
        }
        case 4 -> {
          if (relations.isEmpty()) {
            return new WriteOp.PutSubject(newSubject(true));
          }
          Relation rel = pick(relations, v);
          return new WriteOp.EndRelation(
              rel.type(), rel.from(), rel.to(), rel.since().plusDays((v / 31 % 20) * 45L), PROV);
        }
        case 5 -> {
          return new WriteOp.PutSubject(newSubject(v % 2 == 0));
        }
        default -> {
          // an organisation changes kind (a registry correction)
          SubjectKey k = pick(orgs, v);
          SubjectKind to =
              new SubjectKind[] {
                    SubjectKind.ENTERPRISE, SubjectKind.INSTITUTION, SubjectKind.SOCIAL_ORG
                  }
                  [(v / 7) % 3];
          return new WriteOp.PutSubject(Subject.of(to, k, "changed").withProvenance(List.of(PROV)));
        }
      }
    }
  }
}
