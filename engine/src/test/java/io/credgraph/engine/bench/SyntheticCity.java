package io.credgraph.engine.bench;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.ResidentId;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.Uscc;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

/**
 * A synthetic city for the benchmark (test scope, until the datasets module's generator is used): {@code n}
 * enterprises (80% companies), {@code 1.2 n} persons; each enterprise has a legal representative, one or two directors,
 * a supervisor, a manager, one to three shareholders (persons or enterprises) and sometimes an actual controller and a
 * branch; about 3% of enterprises and 1% of persons hold records on the lists, with dated relations so that the rules
 * that follow relations fire.
 */
public final class SyntheticCity {
  private static final String[] ENTERPRISE_LISTS = {"DISHONEST_JUDGMENT_DEBTOR", "CONSUMPTION_RESTRICTED",
      "SERIOUS_ILLEGAL_DISHONEST", "MAJOR_TAX_VIOLATION", "PROCUREMENT_VIOLATION", "LICENCE_REVOKED",
      "ORDERED_CLOSED", "BANKRUPTCY_LIQUIDATED", "ABNORMAL_OPERATION", "A_TAXPAYER", "CONTRACT_ABIDING"};
  private static final String[] PERSON_LISTS = {"DISHONEST_JUDGMENT_DEBTOR", "CRIMINAL_PENALTY", "CIVIL_INCAPACITY",
      "BRIBERY_RECORD", "PRACTITIONER_MISCONDUCT"};
  private static final LocalDate START = LocalDate.of(2012, 1, 1);

  public final List<SubjectKey> enterprises = new ArrayList<>();
  public final List<SubjectKey> persons = new ArrayList<>();
  public long relations;
  public long records;

  public static SubjectKey person(int i) {
    String body = "110101" + LocalDate.of(1950, 1, 1).plusDays(i % 18000).toString().replace("-", "")
        + String.format("%03d", i / 18000);
    return SubjectKey.resident(body + ResidentId.checkCharacter(body));
  }

  public static SubjectKey enterprise(int i) {
    String body = "91440000" + String.format("%09d", i);
    return SubjectKey.uscc(body + Uscc.checkCharacter(body));
  }

  /** Writes the city to {@code store} in batches. */
  public static SyntheticCity load(GraphStore store, int n, long seed) {
    SyntheticCity c = new SyntheticCity();
    Random rnd = new Random(seed);
    int np = n * 6 / 5;
    Batches b = new Batches(store);
    for (int i = 0; i < np; i++) {
      SubjectKey k = person(i);
      c.persons.add(k);
      b.add().subject(Subject.of(SubjectKind.PERSON, k, "P" + i));
    }
    for (int i = 0; i < n; i++) {
      SubjectKey k = enterprise(i);
      c.enterprises.add(k);
      LegalForm form = rnd.nextInt(10) < 8 ? LegalForm.COMPANY
          : LegalForm.values()[1 + rnd.nextInt(LegalForm.values().length - 1)];
      b.add().subject(Subject.of(SubjectKind.ENTERPRISE, k, "E" + i).withLegalForm(form));
    }
    b.flush();
    for (int i = 0; i < n; i++) {
      SubjectKey e = c.enterprises.get(i);
      LocalDate founded = START.plusDays(rnd.nextInt(3000));
      c.rel(b, RelationType.LEGAL_REP, c.anyPerson(rnd), e, founded, rnd);
      for (int d = 0; d < 1 + rnd.nextInt(2); d++) {
        c.rel(b, RelationType.DIRECTOR, c.anyPerson(rnd), e, founded, rnd);
      }
      c.rel(b, RelationType.SUPERVISOR, c.anyPerson(rnd), e, founded, rnd);
      c.rel(b, RelationType.SENIOR_MANAGER, c.anyPerson(rnd), e, founded, rnd);
      for (int s = 0; s < 1 + rnd.nextInt(3); s++) {
        SubjectKey owner = rnd.nextInt(4) == 0 ? c.enterprises.get(rnd.nextInt(n)) : c.anyPerson(rnd);
        if (!owner.equals(e)) {
          b.add().relation(new Relation(RelationType.SHAREHOLDER, owner, e, founded, Optional.empty(),
              OptionalDouble.of(0.05 + rnd.nextInt(60) / 100.0), Map.of(), List.of()));
          c.relations++;
        }
      }
      if (rnd.nextInt(10) == 0) {
        c.rel(b, RelationType.ACTUAL_CONTROLLER, c.anyPerson(rnd), e, founded, rnd);
      }
      if (rnd.nextInt(20) == 0 && i > 0) {
        c.rel(b, RelationType.BRANCH_OF, e, c.enterprises.get(rnd.nextInt(i)), founded, rnd);
      }
    }
    b.flush();
    int rec = 0;
    for (int i = 0; i < n; i++) {
      if (rnd.nextInt(100) < 3) {
        String list = ENTERPRISE_LISTS[rnd.nextInt(ENTERPRISE_LISTS.length)];
        b.add().record(c.record("E-" + rec++, c.enterprises.get(i), list, rnd, List.of()));
      }
    }
    for (int i = 0; i < np; i++) {
      if (rnd.nextInt(100) < 1) {
        String list = PERSON_LISTS[rnd.nextInt(PERSON_LISTS.length)];
        b.add().record(c.record("P-" + rec++, c.persons.get(i), list, rnd, List.of()));
      }
    }
    b.flush();
    c.records = rec;
    return c;
  }

  private SubjectKey anyPerson(Random rnd) {
    return persons.get(rnd.nextInt(persons.size()));
  }

  private void rel(Batches b, RelationType t, SubjectKey from, SubjectKey to, LocalDate founded, Random rnd) {
    if (from.equals(to)) {
      return;
    }
    Optional<LocalDate> until = rnd.nextInt(5) == 0 ? Optional.of(founded.plusDays(200 + rnd.nextInt(3000)))
        : Optional.empty();
    b.add().relation(new Relation(t, from, to, founded, until, OptionalDouble.empty(), Map.of(), List.of()));
    relations++;
  }

  CreditRecord record(String id, SubjectKey subject, String list, Random rnd, List<SubjectKey> liable) {
    LocalDate decided = LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(2500));
    Optional<LocalDate> until = rnd.nextInt(3) == 0 ? Optional.of(decided.plusYears(3)) : Optional.empty();
    Optional<Crime> crime = list.equals("CRIMINAL_PENALTY")
        ? Optional.of(Crime.values()[rnd.nextInt(Crime.values().length)]) : Optional.empty();
    return new CreditRecord(id, subject, list, "BENCH", "", "basis", decided, decided, until, liable,
        Optional.empty(), crime, crime.map(x -> decided.plusYears(2)), Optional.empty(), Optional.empty(), Map.of(),
        List.of(), List.of());
  }

  /** Collects write operations and writes them 20,000 at a time. */
  static final class Batches {
    private final GraphStore store;
    private WriteBatch.Builder b = WriteBatch.builder();

    Batches(GraphStore store) {
      this.store = store;
    }

    WriteBatch.Builder add() {
      if (b.size() >= 20_000) {
        flush();
      }
      return b;
    }

    void flush() {
      if (b.size() > 0) {
        store.write(b.build());
        b = WriteBatch.builder();
      }
    }
  }
}
