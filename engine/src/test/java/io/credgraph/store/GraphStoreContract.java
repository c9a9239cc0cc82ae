package io.credgraph.store;

import static io.credgraph.fixtures.StoreFixtures.ACME_KEY;
import static io.credgraph.fixtures.StoreFixtures.BETA_KEY;
import static io.credgraph.fixtures.StoreFixtures.HOSPITAL_KEY;
import static io.credgraph.fixtures.StoreFixtures.LI_KEY;
import static io.credgraph.fixtures.StoreFixtures.SMITH_KEY;
import static io.credgraph.fixtures.StoreFixtures.WANG_KEY;
import static io.credgraph.fixtures.StoreFixtures.ZHANG_KEY;
import static io.credgraph.fixtures.StoreFixtures.acme;
import static io.credgraph.fixtures.StoreFixtures.acmeLicenceRevoked;
import static io.credgraph.fixtures.StoreFixtures.acmeShareholderOfBeta;
import static io.credgraph.fixtures.StoreFixtures.beta;
import static io.credgraph.fixtures.StoreFixtures.betaJudgmentDebtorWithHistory;
import static io.credgraph.fixtures.StoreFixtures.change;
import static io.credgraph.fixtures.StoreFixtures.li;
import static io.credgraph.fixtures.StoreFixtures.liLegalRepOfAcme;
import static io.credgraph.fixtures.StoreFixtures.prov;
import static io.credgraph.fixtures.StoreFixtures.wangPractisesAtHospital;
import static io.credgraph.fixtures.StoreFixtures.wangShareholderOfAcmeUnknownRatio;
import static io.credgraph.fixtures.StoreFixtures.zhang;
import static io.credgraph.fixtures.StoreFixtures.zhangCriminalPenalty;
import static io.credgraph.fixtures.StoreFixtures.zhangLegalRepOfAcme;
import static io.credgraph.fixtures.StoreFixtures.zhangRelativeOfLi;
import static io.credgraph.fixtures.StoreFixtures.zhangShareholderOfAcme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.credgraph.ValidationException;
import io.credgraph.exchange.StoreSnapshot;
import io.credgraph.fixtures.Keys;
import io.credgraph.fixtures.StoreFixtures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectStatus;
import io.credgraph.store.GraphStore.Direction;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage contract: every {@link GraphStore} backend runs this kit by declaring one small
 * subclass that says how to create a fresh store in a directory (and, for {@link
 * Capability#PERSISTENCE}, how to reopen it there):
 *
 * <pre>{@code
 * class InMemoryGraphStoreContractTest extends GraphStoreContract {
 *   protected GraphStore createStore(Path dir) { return new InMemoryGraphStore(); }
 * }
 * }</pre>
 *
 * <p>Tests of a capability the backend does not declare are skipped (JUnit assumptions), never
 * forked. Each test gets a fresh, empty store in its own temporary directory; the data are the
 * named fixtures of {@link StoreFixtures}.
 */
public abstract class GraphStoreContract {

  /**
   * A new, empty store located in {@code dir} (which exists and is empty, or is a fresh path to
   * create).
   */
  protected abstract GraphStore createStore(Path dir) throws Exception;

  /**
   * The store stored in {@code dir}, opened again after {@link GraphStore#close()}. Only called
   * when the backend declares {@link Capability#PERSISTENCE}; by default {@link #createStore}.
   */
  protected GraphStore reopenStore(Path dir) throws Exception {
    return createStore(dir);
  }

  @TempDir Path tempDir;

  /** The store under test; fresh for every test. */
  protected GraphStore store;

  private Path storeDir;

  @BeforeEach
  void openFreshStore() throws Exception {
    storeDir = tempDir.resolve("store");
    store = createStore(storeDir);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  protected WriteResult write(WriteOp... ops) {
    return store.write(WriteBatch.of(ops));
  }

  protected static WriteOp put(Subject s) {
    return new WriteOp.PutSubject(s);
  }

  protected static WriteOp put(Relation r) {
    return new WriteOp.PutRelation(r);
  }

  protected static WriteOp put(CreditRecord r) {
    return new WriteOp.PutRecord(r);
  }

  protected static WriteOp append(String recordId, StatusChange c) {
    return new WriteOp.AppendStatus(recordId, c);
  }

  /** Writes every fixture subject, relation and record, in three batches. */
  protected void writeFixtureCity() {
    store.write(
        new WriteBatch(
            StoreFixtures.subjects().stream().<WriteOp>map(WriteOp.PutSubject::new).toList()));
    store.write(
        new WriteBatch(
            StoreFixtures.relations().stream().<WriteOp>map(WriteOp.PutRelation::new).toList()));
    store.write(
        new WriteBatch(
            StoreFixtures.records().stream().<WriteOp>map(WriteOp.PutRecord::new).toList()));
  }

  private boolean has(Capability c) {
    return store.capabilities().contains(c);
  }

  private List<Relation> relations(
      SubjectKey key, Direction dir, Set<RelationType> types, LocalDate on) {
    return store.relations(key, dir, types, Optional.ofNullable(on));
  }

  private List<Relation> allRelations(SubjectKey key, Direction dir) {
    return store.relations(key, dir, Set.of(), Optional.empty());
  }

  private static <T> Set<T> set(Collection<T> c) {
    Set<T> s = new HashSet<>(c);
    assertEquals(c.size(), s.size(), "no duplicates expected in " + c);
    return s;
  }

  private static PendingFact pendingFact(String id, SubjectKey awaited, long line) {
    return new PendingFact(
        id,
        awaited,
        "{\"type\":\"relation\",\"line\":" + line + "}",
        prov("samr-2024-09.jsonl", line));
  }

  private static BatchCheckpoint checkpoint(
      String hash, String name, long lastLine, boolean complete, String instant) {
    return new BatchCheckpoint(
        hash, name, StoreFixtures.MARKET, lastLine, complete, Instant.parse(instant));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the empty store

  @Test
  void emptyStoreHoldsNothingAndStartsAtVersionZero() {
    assertEquals(0, store.version());
    assertEquals(new StoreCounts(0, 0, 0, 0), store.counts());
    assertEquals(Optional.empty(), store.subject(ACME_KEY));
    assertEquals(Optional.empty(), store.subject(new SubjectId("sacme000000000001")));
    assertEquals(List.of(), allRelations(ACME_KEY, Direction.BOTH));
    assertEquals(List.of(), store.records(ACME_KEY));
    assertEquals(Optional.empty(), store.record("ZSAMR-2019-0042"));
    assertEquals(List.of(), store.pending(ACME_KEY));
    assertEquals(Optional.empty(), store.checkpoint("sha256-x"));
    assertEquals(List.of(), store.checkpoints());
    AtomicInteger seen = new AtomicInteger();
    store.forEachSubject(s -> seen.incrementAndGet());
    store.forEachRelation(r -> seen.incrementAndGet());
    store.forEachRecord(r -> seen.incrementAndGet());
    store.forEachPending(p -> seen.incrementAndGet());
    assertEquals(0, seen.get());
  }

  @Test
  void infoNamesTheBackendAndItsCapabilities() {
    StoreInfo info = store.info();
    assertFalse(info.backend().isBlank(), "backend name");
    assertEquals(info.capabilities(), store.capabilities());
  }

  @Test
  void closeIsIdempotent() {
    store.close();
    store.close();
    store = null;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // subjects

  @Test
  void subjectIsFoundByKeyAndByIdWithEveryField() {
    write(
        put(acme()),
        put(zhang()),
        put(StoreFixtures.smith()),
        put(StoreFixtures.hospital()),
        put(StoreFixtures.taxBureau()));
    for (Subject s :
        List.of(
            acme(),
            zhang(),
            StoreFixtures.smith(),
            StoreFixtures.hospital(),
            StoreFixtures.taxBureau())) {
      assertEquals(Optional.of(s), store.subject(s.key()), "by key: " + s);
      assertEquals(Optional.of(s), store.subject(s.id()), "by id: " + s);
    }
    assertEquals(Optional.empty(), store.subject(BETA_KEY));
    assertEquals(Optional.empty(), store.subject(beta().id()));
  }

  @Test
  void personKeyOfAnotherDocumentTypeIsADifferentSubject() {
    SubjectKey.Person passportWithSameNumber = SubjectKey.person("PASSPORT", "E7654321");
    SubjectKey.Person other = SubjectKey.person("HK_MACAO_PERMIT", "E7654321");
    write(
        put(Subject.of(SubjectKind.PERSON, passportWithSameNumber, "甲")),
        put(Subject.of(SubjectKind.PERSON, other, "乙")));
    assertEquals("甲", store.subject(passportWithSameNumber).orElseThrow().name());
    assertEquals("乙", store.subject(other).orElseThrow().name());
    assertEquals(Optional.empty(), store.subject(SMITH_KEY));
  }

  /**
   * Subjects from outside China's registries are keyed by scheme and external id (EXCHANGE.md):
   * stored and found by that key like any other, a person and an organisation alike; ids are
   * case-sensitive, another scheme is another key, and relations and records between them and
   * registry-keyed subjects are followed like any other.
   */
  @Test
  void externalKeysAreStoredAndMatchedLikeTheOtherKeys() {
    SubjectKey.External firm = SubjectKey.external("ftm", "NK-abcDEF123");
    SubjectKey.External person = SubjectKey.external("ftm", "Q42");
    SubjectKey.External sameIdOtherScheme = SubjectKey.external("icij", "NK-abcDEF123");
    SubjectKey.External otherCase = SubjectKey.external("ftm", "nk-abcdef123");
    Subject firmSubject = Subject.of(SubjectKind.ENTERPRISE, firm, "Foreign Holdings Ltd");
    Subject personSubject = Subject.of(SubjectKind.PERSON, person, "Jane Doe");
    write(
        put(acme()),
        put(firmSubject),
        put(personSubject),
        put(Subject.of(SubjectKind.ENTERPRISE, sameIdOtherScheme, "Offshore Ltd")));
    assertEquals(Optional.of(firmSubject), store.subject(firm));
    assertEquals(Optional.of(firmSubject), store.subject(firmSubject.id()));
    assertEquals(Optional.of(personSubject), store.subject(person));
    assertEquals("Offshore Ltd", store.subject(sameIdOtherScheme).orElseThrow().name());
    assertEquals(Optional.empty(), store.subject(otherCase), "external ids are case-sensitive");
    Relation owns =
        new Relation(
            RelationType.SHAREHOLDER,
            firm,
            ACME_KEY,
            LocalDate.of(2020, 1, 1),
            Optional.empty(),
            OptionalDouble.of(0.4),
            Map.of(),
            List.of(prov("ftm.jsonl", 3)));
    Relation linked =
        new Relation(
            RelationType.LINKED_TO,
            person,
            firm,
            LocalDate.of(2019, 5, 1),
            Optional.empty(),
            OptionalDouble.empty(),
            Map.of("relation", "associate"),
            List.of(prov("ftm.jsonl", 4)));
    write(put(owns), put(linked));
    assertEquals(List.of(owns), allRelations(ACME_KEY, Direction.INCOMING));
    assertEquals(Set.of(owns, linked), set(allRelations(firm, Direction.BOTH)));
    assertEquals(
        List.of(linked),
        relations(person, Direction.OUTGOING, Set.of(RelationType.LINKED_TO), null));
    assertEquals(4, store.counts().subjects());
  }

  @Test
  void candidateIdIsKeptOnlyWhenTheKeyIsNew() {
    write(put(acme()));
    Subject renamed =
        new Subject(
            new SubjectId("sother00000000009"),
            SubjectKind.ENTERPRISE,
            ACME_KEY,
            "中山市示例五金制品有限公司",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            List.of(prov("samr-2024-05.jsonl", 1)));
    write(put(renamed));
    Subject stored = store.subject(ACME_KEY).orElseThrow();
    assertEquals(acme().id(), stored.id(), "a re-put keeps the id stored first");
    assertEquals("中山市示例五金制品有限公司", stored.name());
    assertEquals(Optional.of(stored), store.subject(acme().id()));
    assertEquals(
        Optional.empty(), store.subject(renamed.id()), "the second candidate id is not assigned");
    assertEquals(1, store.counts().subjects());
  }

  /**
   * A re-put overwrites the name and every optional field the new subject carries; fields it lacks
   * keep their stored value; attributes merge key by key (new values win); provenance is appended
   * once.
   */
  @Test
  void putSubjectMergesIntoTheStoredSubject() {
    write(put(acme()));
    Subject update =
        new Subject(
            SubjectId.random(),
            SubjectKind.ENTERPRISE,
            ACME_KEY,
            "中山市示例五金制品有限公司",
            Optional.empty(),
            Optional.of(SubjectStatus.REVOKED),
            Optional.empty(),
            Optional.of("东凤镇"),
            Optional.empty(),
            Map.of("phone", "0760-7654321", "website", "acme.example.cn"),
            List.of(prov("samr-2024-05.jsonl", 8)));
    write(put(update));

    Subject expected =
        new Subject(
            acme().id(),
            SubjectKind.ENTERPRISE,
            ACME_KEY,
            "中山市示例五金制品有限公司",
            Optional.of(LegalForm.COMPANY),
            Optional.of(SubjectStatus.REVOKED),
            Optional.of(LocalDate.of(2016, 4, 12)),
            Optional.of("东凤镇"),
            Optional.of("C33"),
            Map.of("capital", "5000000", "phone", "0760-7654321", "website", "acme.example.cn"),
            List.of(prov("samr-2024-01.jsonl", 1), prov("samr-2024-05.jsonl", 8)));
    assertEquals(Optional.of(expected), store.subject(ACME_KEY));
  }

  @Test
  void theSameProvenanceTwiceIsStoredOnce() {
    write(put(acme()));
    long version = store.version();
    WriteResult again = write(put(acme().withId(SubjectId.random())));
    assertEquals(
        List.of(prov("samr-2024-01.jsonl", 1)), store.subject(ACME_KEY).orElseThrow().provenance());
    assertFalse(again.changedAnything(), "re-delivering the same line changes nothing: " + again);
    assertEquals(1, again.unchanged());
    assertEquals(version, store.version(), "version after an identical re-put");

    write(
        put(
            acme()
                .withProvenance(
                    List.of(prov("samr-2024-01.jsonl", 1), prov("samr-2024-07.jsonl", 3)))));
    assertEquals(
        List.of(prov("samr-2024-01.jsonl", 1), prov("samr-2024-07.jsonl", 3)),
        store.subject(ACME_KEY).orElseThrow().provenance());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // relations

  @Test
  void relationIsInForceFromSinceToUntilBothInclusive() {
    write(put(zhang()), put(acme()));
    write(put(zhangLegalRepOfAcme()));
    LocalDate since = LocalDate.of(2016, 4, 12);
    LocalDate until = LocalDate.of(2020, 6, 30);
    Set<RelationType> legalRep = Set.of(RelationType.LEGAL_REP);
    assertEquals(
        List.of(zhangLegalRepOfAcme()),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, since),
        "on since");
    assertEquals(
        List.of(),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, since.minusDays(1)),
        "the day before since");
    assertEquals(
        List.of(zhangLegalRepOfAcme()),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, LocalDate.of(2018, 1, 1)),
        "in between");
    assertEquals(
        List.of(zhangLegalRepOfAcme()),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, until),
        "on until");
    assertEquals(
        List.of(),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, until.plusDays(1)),
        "the day after until");
    assertEquals(
        List.of(zhangLegalRepOfAcme()),
        relations(ZHANG_KEY, Direction.OUTGOING, legalRep, null),
        "no date: every relation whatever its dates");
  }

  @Test
  void openEndedRelationHoldsOnEveryDayFromSince() {
    write(put(li()), put(acme()));
    write(put(liLegalRepOfAcme()));
    assertEquals(
        List.of(), relations(ACME_KEY, Direction.INCOMING, Set.of(), LocalDate.of(2020, 6, 30)));
    assertEquals(
        List.of(liLegalRepOfAcme()),
        relations(ACME_KEY, Direction.INCOMING, Set.of(), LocalDate.of(2020, 7, 1)));
    assertEquals(
        List.of(liLegalRepOfAcme()),
        relations(ACME_KEY, Direction.INCOMING, Set.of(), LocalDate.of(2099, 12, 31)));
  }

  @Test
  void relationsAreFilteredByType() {
    writeFixtureCity();
    Relation director =
        Relation.of(RelationType.DIRECTOR, ZHANG_KEY, ACME_KEY, LocalDate.of(2016, 4, 12));
    write(put(director));
    assertEquals(
        List.of(director),
        relations(ZHANG_KEY, Direction.OUTGOING, Set.of(RelationType.DIRECTOR), null));
    assertEquals(
        Set.of(zhangLegalRepOfAcme(), zhangShareholderOfAcme()),
        set(
            relations(
                ZHANG_KEY,
                Direction.OUTGOING,
                Set.of(RelationType.LEGAL_REP, RelationType.SHAREHOLDER),
                null)));
    assertEquals(
        Set.of(zhangLegalRepOfAcme(), zhangShareholderOfAcme(), director, zhangRelativeOfLi()),
        set(relations(ZHANG_KEY, Direction.OUTGOING, Set.of(), null)),
        "no types: every type");
    assertEquals(
        List.of(), relations(ZHANG_KEY, Direction.OUTGOING, Set.of(RelationType.BRANCH_OF), null));
  }

  @Test
  void relationsAreFollowedInTheAskedDirection() {
    writeFixtureCity();
    assertEquals(List.of(acmeShareholderOfBeta()), allRelations(ACME_KEY, Direction.OUTGOING));
    assertEquals(
        Set.of(
            zhangLegalRepOfAcme(),
            liLegalRepOfAcme(),
            zhangShareholderOfAcme(),
            wangShareholderOfAcmeUnknownRatio()),
        set(allRelations(ACME_KEY, Direction.INCOMING)));
    assertEquals(
        Set.of(
            zhangLegalRepOfAcme(),
            liLegalRepOfAcme(),
            zhangShareholderOfAcme(),
            wangShareholderOfAcmeUnknownRatio(),
            acmeShareholderOfBeta()),
        set(allRelations(ACME_KEY, Direction.BOTH)));
    assertEquals(List.of(), allRelations(BETA_KEY, Direction.OUTGOING));
    assertEquals(List.of(acmeShareholderOfBeta()), allRelations(BETA_KEY, Direction.INCOMING));
    assertEquals(
        List.of(), allRelations(Keys.uscc(999), Direction.BOTH), "unknown subject: no relations");
  }

  @Test
  void relativeOfIsMatchedInBothDirectionsAndReturnedAsStored() {
    writeFixtureCity();
    Set<RelationType> relative = Set.of(RelationType.RELATIVE_OF);
    for (Direction d : Direction.values()) {
      assertEquals(
          List.of(zhangRelativeOfLi()), relations(ZHANG_KEY, d, relative, null), "from 张三, " + d);
      assertEquals(
          List.of(zhangRelativeOfLi()), relations(LI_KEY, d, relative, null), "from 李四, " + d);
    }
    assertEquals(
        Set.of(zhangRelativeOfLi(), liLegalRepOfAcme()),
        set(allRelations(LI_KEY, Direction.OUTGOING)));
    assertEquals(
        List.of(zhangRelativeOfLi()),
        allRelations(ZHANG_KEY, Direction.INCOMING),
        "other types keep their direction");
  }

  @Test
  void shareholderRatioIsKeptExactlyAndAnAbsentRatioStaysAbsent() {
    writeFixtureCity();
    List<Relation> owners =
        relations(ACME_KEY, Direction.INCOMING, Set.of(RelationType.SHAREHOLDER), null);
    assertEquals(
        Set.of(zhangShareholderOfAcme(), wangShareholderOfAcmeUnknownRatio()), set(owners));
    Relation zhangShare =
        owners.stream().filter(r -> r.from().equals(ZHANG_KEY)).findFirst().orElseThrow();
    assertEquals(OptionalDouble.of(0.6), zhangShare.ratio());
    Relation wangShare =
        owners.stream().filter(r -> r.from().equals(WANG_KEY)).findFirst().orElseThrow();
    assertEquals(OptionalDouble.empty(), wangShare.ratio(), "an unknown ratio is not 0");
    assertEquals(
        OptionalDouble.of(1.0 / 3.0), allRelations(BETA_KEY, Direction.INCOMING).get(0).ratio());
  }

  /**
   * Treasury shares (库存股, DOMAIN.md 6.4): a SHAREHOLDER relation from an enterprise to itself is
   * stored once, returned once in every direction (BOTH does not list it twice), merged by identity
   * and ended like any other.
   */
  @Test
  void anEnterpriseHoldingItsOwnSharesIsOneRelationInEveryDirection() {
    write(put(acme()), put(zhang()));
    Relation treasury =
        Relation.shareholder(ACME_KEY, ACME_KEY, 0.1, LocalDate.of(2021, 5, 1))
            .withProvenance(List.of(prov("samr-2024-01.jsonl", 20)));
    write(put(treasury), put(zhangShareholderOfAcme()));
    assertEquals(List.of(treasury), allRelations(ACME_KEY, Direction.OUTGOING));
    assertEquals(
        Set.of(treasury, zhangShareholderOfAcme()),
        set(allRelations(ACME_KEY, Direction.INCOMING)));
    List<Relation> both = allRelations(ACME_KEY, Direction.BOTH);
    assertEquals(2, both.size(), "the self-relation once, the other holding once: " + both);
    assertEquals(Set.of(treasury, zhangShareholderOfAcme()), set(both));
    assertEquals(
        List.of(treasury),
        relations(
                ACME_KEY,
                Direction.INCOMING,
                Set.of(RelationType.SHAREHOLDER),
                LocalDate.of(2021, 5, 1))
            .stream()
            .filter(r -> r.from().equals(ACME_KEY))
            .toList());
    assertEquals(2, store.counts().relations());
    List<Relation> all = new ArrayList<>();
    store.forEachRelation(all::add);
    assertEquals(Set.of(treasury, zhangShareholderOfAcme()), set(all));
    assertEquals(2, all.size());

    Relation update =
        Relation.shareholder(ACME_KEY, ACME_KEY, 0.05, LocalDate.of(2021, 5, 1))
            .withProvenance(List.of(prov("samr-2024-06.jsonl", 3)));
    write(put(update));
    Relation merged =
        Relation.shareholder(ACME_KEY, ACME_KEY, 0.05, LocalDate.of(2021, 5, 1))
            .withProvenance(List.of(prov("samr-2024-01.jsonl", 20), prov("samr-2024-06.jsonl", 3)));
    assertEquals(List.of(merged), allRelations(ACME_KEY, Direction.OUTGOING));

    Provenance endLine = prov("samr-2024-08.jsonl", 9);
    write(
        new WriteOp.EndRelation(
            RelationType.SHAREHOLDER, ACME_KEY, ACME_KEY, LocalDate.of(2023, 12, 31), endLine));
    Relation ended =
        merged
            .withUntil(LocalDate.of(2023, 12, 31))
            .withProvenance(
                List.of(prov("samr-2024-01.jsonl", 20), prov("samr-2024-06.jsonl", 3), endLine));
    assertEquals(List.of(ended), allRelations(ACME_KEY, Direction.OUTGOING));
    assertEquals(
        List.of(),
        relations(
            ACME_KEY,
            Direction.OUTGOING,
            Set.of(RelationType.SHAREHOLDER),
            LocalDate.of(2024, 1, 1)));
  }

  @Test
  void relationsRoundTripWithAttributesAndProvenance() {
    writeFixtureCity();
    Set<Relation> all = new HashSet<>();
    store.forEachRelation(all::add);
    assertEquals(set(StoreFixtures.relations()), all);
    assertEquals(
        List.of(wangPractisesAtHospital()), allRelations(HOSPITAL_KEY, Direction.INCOMING));
  }

  /**
   * The same (type, from, to, since) is one relation: until, ratio and attributes of a re-put
   * overwrite when present and are kept when absent; provenance is appended once. Another {@code
   * since} is another relation.
   */
  @Test
  void putRelationMergesIntoTheRelationWithTheSameIdentity() {
    write(put(zhang()), put(acme()));
    write(put(zhangShareholderOfAcme()));
    Relation update =
        new Relation(
            RelationType.SHAREHOLDER,
            ZHANG_KEY,
            ACME_KEY,
            LocalDate.of(2016, 4, 12),
            Optional.of(LocalDate.of(2022, 12, 31)),
            OptionalDouble.of(0.45),
            Map.of("paidIn", "true"),
            List.of(prov("samr-2024-06.jsonl", 2)));
    write(put(update));
    Relation merged =
        new Relation(
            RelationType.SHAREHOLDER,
            ZHANG_KEY,
            ACME_KEY,
            LocalDate.of(2016, 4, 12),
            Optional.of(LocalDate.of(2022, 12, 31)),
            OptionalDouble.of(0.45),
            Map.of("paidIn", "true"),
            List.of(prov("samr-2024-01.jsonl", 12), prov("samr-2024-06.jsonl", 2)));
    assertEquals(List.of(merged), allRelations(ZHANG_KEY, Direction.OUTGOING));

    Relation stillMerged =
        merged
            .withProvenance(
                List.of(
                    prov("samr-2024-01.jsonl", 12),
                    prov("samr-2024-06.jsonl", 2),
                    prov("samr-2024-06.jsonl", 3)))
            .withUntil(LocalDate.of(2022, 12, 31));
    Relation noRatio =
        new Relation(
            RelationType.SHAREHOLDER,
            ZHANG_KEY,
            ACME_KEY,
            LocalDate.of(2016, 4, 12),
            Optional.empty(),
            OptionalDouble.empty(),
            Map.of(),
            List.of(prov("samr-2024-06.jsonl", 3)));
    write(put(noRatio));
    assertEquals(
        List.of(stillMerged),
        allRelations(ZHANG_KEY, Direction.OUTGOING),
        "absent until and ratio keep the stored ones");

    Relation again = Relation.shareholder(ZHANG_KEY, ACME_KEY, 0.2, LocalDate.of(2023, 6, 1));
    write(put(again));
    assertEquals(Set.of(stillMerged, again), set(allRelations(ZHANG_KEY, Direction.OUTGOING)));
    assertEquals(2, store.counts().relations());
  }

  @Test
  void putRelationWhoseSubjectIsMissingFailsAndStoresNothing() {
    write(put(zhang()));
    long version = store.version();
    assertThrows(ValidationException.class, () -> write(put(zhangLegalRepOfAcme())), "missing to");
    assertThrows(
        ValidationException.class,
        () ->
            write(
                put(
                    Relation.of(
                        RelationType.LEGAL_REP, LI_KEY, ZHANG_KEY, LocalDate.of(2020, 1, 1)))),
        "missing from");
    assertEquals(List.of(), allRelations(ZHANG_KEY, Direction.BOTH));
    assertEquals(0, store.counts().relations());
    assertEquals(version, store.version());
  }

  /**
   * EndRelation ends open relations of its type between the two subjects that began on or before
   * its date, and adds its provenance to each relation it ends; ended relations, later ones and
   * other types are untouched.
   */
  @Test
  void endRelationEndsOnlyOpenRelationsThatBeganOnOrBeforeUntil() {
    write(put(zhang()), put(li()), put(acme()));
    Relation earlier =
        new Relation(
            RelationType.LEGAL_REP,
            ZHANG_KEY,
            ACME_KEY,
            LocalDate.of(2010, 1, 1),
            Optional.of(LocalDate.of(2015, 12, 31)),
            OptionalDouble.empty(),
            Map.of(),
            List.of());
    Relation open =
        Relation.of(RelationType.LEGAL_REP, ZHANG_KEY, ACME_KEY, LocalDate.of(2018, 1, 10));
    Relation onTheDay =
        Relation.of(RelationType.LEGAL_REP, ZHANG_KEY, ACME_KEY, LocalDate.of(2020, 12, 31));
    Relation later =
        Relation.of(RelationType.LEGAL_REP, ZHANG_KEY, ACME_KEY, LocalDate.of(2021, 3, 1));
    Relation director =
        Relation.of(RelationType.DIRECTOR, ZHANG_KEY, ACME_KEY, LocalDate.of(2018, 1, 10));
    Relation liOpen =
        Relation.of(RelationType.LEGAL_REP, LI_KEY, ACME_KEY, LocalDate.of(2018, 1, 10));
    write(put(earlier), put(open), put(onTheDay), put(later), put(director), put(liOpen));

    Provenance endLine = prov("samr-2024-08.jsonl", 4);
    LocalDate until = LocalDate.of(2020, 12, 31);
    long version = store.version();
    write(new WriteOp.EndRelation(RelationType.LEGAL_REP, ZHANG_KEY, ACME_KEY, until, endLine));
    assertTrue(store.version() > version, "ending relations is a change");

    Set<Relation> expected =
        Set.of(
            earlier,
            open.withUntil(until).withProvenance(List.of(endLine)),
            onTheDay.withUntil(until).withProvenance(List.of(endLine)),
            later,
            director,
            liOpen);
    assertEquals(expected, set(allRelations(ACME_KEY, Direction.INCOMING)));
    assertEquals(
        List.of(),
        relations(
            ZHANG_KEY,
            Direction.OUTGOING,
            Set.of(RelationType.LEGAL_REP),
            LocalDate.of(2021, 1, 1)));
    assertEquals(
        List.of(later),
        relations(
            ZHANG_KEY,
            Direction.OUTGOING,
            Set.of(RelationType.LEGAL_REP),
            LocalDate.of(2021, 3, 1)));
  }

  @Test
  void endRelationWithNothingToEndChangesNothing() {
    write(put(zhang()), put(acme()), put(zhangLegalRepOfAcme()));
    long version = store.version();
    WriteResult r =
        write(
            new WriteOp.EndRelation(
                RelationType.LEGAL_REP,
                ZHANG_KEY,
                ACME_KEY,
                LocalDate.of(2021, 1, 1),
                prov("samr-2024-08.jsonl", 5)));
    assertFalse(r.changedAnything(), "the only relation has ended already: " + r);
    assertEquals(version, store.version());
    assertEquals(List.of(zhangLegalRepOfAcme()), allRelations(ZHANG_KEY, Direction.OUTGOING));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // records

  @Test
  void recordsRoundTripExactlyWithListFieldsAndHistory() {
    writeFixtureCity();
    for (CreditRecord r : StoreFixtures.records()) {
      assertEquals(Optional.of(r), store.record(r.id()), r.id());
    }
    assertEquals(List.of(acmeLicenceRevoked()), store.records(ACME_KEY));
    assertEquals(List.of(betaJudgmentDebtorWithHistory()), store.records(BETA_KEY));
    assertEquals(RecordStatus.REPAIRED, store.record("ZSCOURT-2020-0101").orElseThrow().status());
    assertEquals(
        List.of(zhangCriminalPenalty()),
        store.records(ZHANG_KEY),
        "a subject's records are the records it is the subject of, not those naming it liable");
    assertEquals(List.of(), store.records(LI_KEY));
    assertEquals(Optional.empty(), store.record("NO-SUCH-RECORD"));
  }

  @Test
  void recordsOfOneSubjectAreAllReturned() {
    writeFixtureCity();
    CreditRecord second =
        CreditRecord.of(
            "ZSTAX-2023-0001", ACME_KEY, "MAJOR_TAX_VIOLATION", "TAX", LocalDate.of(2023, 8, 1));
    write(put(second));
    assertEquals(Set.of(acmeLicenceRevoked(), second), set(store.records(ACME_KEY)));
  }

  @Test
  void putRecordWithAKnownIdAddsOnlyItsProvenance() {
    writeFixtureCity();
    CreditRecord redelivered =
        new CreditRecord(
            "ZSAMR-2019-0042",
            ACME_KEY,
            "LICENCE_REVOKED",
            StoreFixtures.MARKET,
            "another decision number",
            "",
            LocalDate.of(2019, 5, 10),
            null,
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            List.of(change(StatusEvent.REVOKED, LocalDate.of(2019, 6, 1), "x", 1)),
            List.of(prov("samr-2024-02.jsonl", 1), prov("samr-2024-10.jsonl", 9)));
    WriteResult r = write(put(redelivered));
    CreditRecord expected =
        acmeLicenceRevoked()
            .withProvenance(List.of(prov("samr-2024-02.jsonl", 1), prov("samr-2024-10.jsonl", 9)));
    assertEquals(
        Optional.of(expected),
        store.record("ZSAMR-2019-0042"),
        "decision and history as stored first");
    assertEquals(0, r.created());

    long version = store.version();
    WriteResult same = write(put(acmeLicenceRevoked()));
    assertFalse(same.changedAnything());
    assertEquals(version, store.version());
    assertEquals(Optional.of(expected), store.record("ZSAMR-2019-0042"));
  }

  @Test
  void aKnownRecordDeliveredForAnotherSubjectIsRefused() {
    writeFixtureCity();
    long version = store.version();
    CreditRecord sameIdOtherSubject =
        CreditRecord.of(
                "ZSAMR-2019-0042",
                BETA_KEY,
                "LICENCE_REVOKED",
                StoreFixtures.MARKET,
                LocalDate.of(2019, 5, 10))
            .withProvenance(List.of(prov("samr-2024-10.jsonl", 2)));
    assertThrows(ValidationException.class, () -> write(put(sameIdOtherSubject)));
    assertEquals(Optional.of(acmeLicenceRevoked()), store.record("ZSAMR-2019-0042"));
    assertEquals(List.of(betaJudgmentDebtorWithHistory()), store.records(BETA_KEY));
    assertEquals(version, store.version());
  }

  @Test
  void putRecordWhoseSubjectIsMissingFailsAndStoresNothing() {
    write(put(zhang()));
    assertThrows(ValidationException.class, () -> write(put(acmeLicenceRevoked())));
    assertEquals(Optional.empty(), store.record("ZSAMR-2019-0042"));
    assertEquals(List.of(), store.records(ACME_KEY));
    assertEquals(0, store.counts().records());
  }

  @Test
  void appendStatusFollowsTheAllowedTransitions() {
    writeFixtureCity();
    String id = "ZSAMR-2019-0042";
    StatusChange objected =
        new StatusChange(
            StatusEvent.OBJECTED,
            LocalDate.of(2019, 6, 1),
            Optional.of("企业提出异议"),
            Optional.empty(),
            prov("samr-2024-11.jsonl", 1));
    StatusChange backToActive =
        change(StatusEvent.ACTIVE, LocalDate.of(2019, 7, 1), "samr-2024-11.jsonl", 2);
    StatusChange released =
        new StatusChange(
            StatusEvent.RELEASED,
            LocalDate.of(2019, 7, 1),
            Optional.empty(),
            Optional.of(LI_KEY),
            prov("samr-2024-11.jsonl", 3));
    StatusChange repaired =
        change(StatusEvent.REPAIRED, LocalDate.of(2021, 6, 1), "samr-2024-11.jsonl", 4);

    long v0 = store.version();
    WriteResult r = write(append(id, objected));
    assertEquals(1, r.updated());
    assertTrue(store.version() > v0);
    assertEquals(RecordStatus.OBJECTED, store.record(id).orElseThrow().status());
    write(append(id, backToActive), append(id, released));
    write(append(id, repaired));

    CreditRecord expected =
        acmeLicenceRevoked()
            .withStatusChange(objected)
            .withStatusChange(backToActive)
            .withStatusChange(released)
            .withStatusChange(repaired);
    assertEquals(Optional.of(expected), store.record(id));
    assertEquals(List.of(expected), store.records(ACME_KEY));
    assertEquals(
        List.of(objected, backToActive, released, repaired),
        store.record(id).orElseThrow().history());
    assertEquals(RecordStatus.REPAIRED, store.record(id).orElseThrow().status());
  }

  @Test
  void appendingTheSameStatusChangeAgainChangesNothing() {
    writeFixtureCity();
    String id = "ZSAMR-2019-0042";
    StatusChange objected =
        change(StatusEvent.OBJECTED, LocalDate.of(2019, 6, 1), "samr-2024-11.jsonl", 1);
    write(append(id, objected));
    long version = store.version();
    WriteResult again = write(append(id, objected));
    assertFalse(again.changedAnything(), "re-appending is idempotent: " + again);
    assertEquals(version, store.version());
    assertEquals(List.of(objected), store.record(id).orElseThrow().history());
  }

  @Test
  void anImpossibleTransitionIsRefusedAndStoresNothing() {
    writeFixtureCity();
    String id = "ZSAMR-2019-0042";
    StatusChange revoked =
        change(StatusEvent.REVOKED, LocalDate.of(2019, 6, 1), "samr-2024-11.jsonl", 1);
    write(append(id, revoked));
    long version = store.version();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                write(
                    append(
                        id,
                        change(
                            StatusEvent.ACTIVE,
                            LocalDate.of(2019, 7, 1),
                            "samr-2024-11.jsonl",
                            2))));
    assertTrue(e.getMessage().contains("REVOKED"), e.getMessage());
    assertEquals(List.of(revoked), store.record(id).orElseThrow().history());
    assertEquals(RecordStatus.REVOKED, store.record(id).orElseThrow().status());
    assertEquals(version, store.version());
  }

  /**
   * A status change for a record the store does not hold is refused (the loader keeps it as a
   * pending fact).
   */
  @Test
  void appendStatusToAnUnknownRecordIsRefused() {
    writeFixtureCity();
    long version = store.version();
    assertThrows(
        ValidationException.class,
        () ->
            write(
                append(
                    "NO-SUCH-RECORD",
                    change(
                        StatusEvent.REVOKED, LocalDate.of(2020, 1, 1), "court-2024-05.jsonl", 1))));
    assertEquals(Optional.empty(), store.record("NO-SUCH-RECORD"));
    assertEquals(version, store.version());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // batches and versions

  @Test
  void aBatchThatFailsInItsLastOperationLeavesNothingOfItsEarlierOperations() {
    BatchCheckpoint cp =
        checkpoint("sha256-a", "samr-2024-01.jsonl", 7, false, "2024-03-01T08:00:00Z");
    WriteBatch batch =
        WriteBatch.of(
            put(acme()),
            put(zhang()),
            put(zhangLegalRepOfAcme()),
            put(acmeLicenceRevoked()),
            append(
                "ZSAMR-2019-0042",
                change(StatusEvent.OBJECTED, LocalDate.of(2019, 6, 1), "samr-2024-11.jsonl", 1)),
            new WriteOp.PutPending(pendingFact("p-1", BETA_KEY, 9)),
            new WriteOp.Checkpoint(cp),
            put(acmeShareholderOfBeta()));
    assertThrows(ValidationException.class, () -> store.write(batch), "BETA is missing");

    assertEquals(0, store.version());
    assertEquals(new StoreCounts(0, 0, 0, 0), store.counts());
    assertEquals(Optional.empty(), store.subject(ACME_KEY));
    assertEquals(Optional.empty(), store.subject(zhang().id()));
    assertEquals(List.of(), allRelations(ZHANG_KEY, Direction.BOTH));
    assertEquals(Optional.empty(), store.record("ZSAMR-2019-0042"));
    assertEquals(List.of(), store.pending(BETA_KEY));
    assertEquals(Optional.empty(), store.checkpoint("sha256-a"));
    assertEquals(List.of(), store.checkpoints());
  }

  @Test
  void aFailedBatchLeavesTheStoredStateAsItWas() {
    writeFixtureCity();
    write(new WriteOp.PutPending(pendingFact("p-1", Keys.uscc(77), 9)));
    long version = store.version();
    Subject renamed = acme().withProvenance(List.of(prov("samr-2024-12.jsonl", 1)));
    renamed =
        new Subject(
            renamed.id(),
            renamed.kind(),
            renamed.key(),
            "改名公司",
            renamed.legalForm(),
            renamed.status(),
            renamed.registeredOn(),
            renamed.district(),
            renamed.industry(),
            renamed.attributes(),
            renamed.provenance());
    String repairedId = "ZSCOURT-2020-0101";
    WriteBatch batch =
        WriteBatch.of(
            put(renamed),
            new WriteOp.EndRelation(
                RelationType.LEGAL_REP,
                LI_KEY,
                ACME_KEY,
                LocalDate.of(2023, 1, 1),
                prov("samr-2024-12.jsonl", 2)),
            append(
                "ZSAMR-2019-0042",
                change(StatusEvent.OBJECTED, LocalDate.of(2019, 6, 1), "samr-2024-12.jsonl", 3)),
            new WriteOp.RemovePending("p-1"),
            new WriteOp.Checkpoint(
                checkpoint("sha256-b", "samr-2024-12.jsonl", 4, true, "2024-12-01T00:00:00Z")),
            append(
                repairedId,
                change(StatusEvent.ACTIVE, LocalDate.of(2021, 7, 1), "samr-2024-12.jsonl", 5)));
    assertThrows(
        ValidationException.class, () -> store.write(batch), "REPAIRED cannot become ACTIVE");

    assertEquals(version, store.version());
    assertEquals(Optional.of(acme()), store.subject(ACME_KEY));
    assertEquals(
        List.of(liLegalRepOfAcme()),
        relations(LI_KEY, Direction.OUTGOING, Set.of(RelationType.LEGAL_REP), null));
    assertEquals(Optional.of(acmeLicenceRevoked()), store.record("ZSAMR-2019-0042"));
    assertEquals(Optional.of(betaJudgmentDebtorWithHistory()), store.record(repairedId));
    assertEquals(List.of(pendingFact("p-1", Keys.uscc(77), 9)), store.pending(Keys.uscc(77)));
    assertEquals(Optional.empty(), store.checkpoint("sha256-b"));
  }

  /**
   * A batch applied again, as a retry does after a commit whose acknowledgement was lost (a server
   * that died between its commit and its answer): the second time is a no-op, so a load that rides
   * over a crash on retries stores nothing twice.
   */
  @Test
  void aBatchAppliedAgainAfterItCommittedChangesNothing() {
    write(put(acme()), put(zhang()), put(li()));
    WriteBatch chunk =
        WriteBatch.of(
            put(acme().withProvenance(List.of(prov("samr-2024-07.jsonl", 3)))),
            put(zhangLegalRepOfAcme()),
            put(acmeLicenceRevoked()),
            append(
                "ZSAMR-2019-0042",
                change(StatusEvent.OBJECTED, LocalDate.of(2019, 6, 1), "samr-2024-11.jsonl", 1)),
            new WriteOp.PutPending(pendingFact("p-1", BETA_KEY, 9)),
            new WriteOp.Checkpoint(
                checkpoint("sha256-a", "samr-2024-07.jsonl", 7, false, "2024-03-01T08:00:00Z")));
    WriteResult first = store.write(chunk);
    StoreSnapshot after = StoreSnapshot.of(store);

    WriteResult again = store.write(chunk);
    assertEquals(first.version(), again.version(), "the version does not move: " + again);
    assertEquals(0, again.created() + again.updated(), "nothing created or updated: " + again);
    assertEquals(after, StoreSnapshot.of(store), "the stored facts are as after the first write");
  }

  @Test
  void versionIncreasesWithEveryBatchThatChangesSomethingAndOnlyThen() {
    assertEquals(0, store.version());
    WriteResult first = write(put(acme()), put(zhang()));
    long v1 = store.version();
    assertTrue(v1 > 0, "after the first batch");
    assertEquals(v1, first.version(), "the result carries the version after the batch");
    assertEquals(2, first.created());

    WriteResult empty = store.write(WriteBatch.of());
    assertEquals(v1, store.version(), "an empty batch");
    assertEquals(v1, empty.version());

    WriteResult same = write(put(acme()), put(zhang()));
    assertEquals(v1, store.version(), "a batch that changes nothing");
    assertEquals(new WriteResult(0, 0, 2, v1), same);

    write(put(zhangLegalRepOfAcme()));
    long v2 = store.version();
    assertTrue(v2 > v1, "after a second changing batch");

    Subject renamed = Subject.person(ZHANG_KEY.idNumber(), "张叁");
    WriteResult update = write(put(renamed));
    assertEquals(1, update.updated());
    assertTrue(store.version() > v2, "after an update");
  }

  @Test
  void anAddedProvenanceIsAChangeThatMovesTheVersion() {
    write(put(acme()));
    long version = store.version();
    WriteResult r = write(put(acme().withProvenance(List.of(prov("samr-2024-07.jsonl", 3)))));
    assertTrue(
        store.version() > version, "the new provenance is visible in answers, so caches must miss");
    assertEquals(1, r.updated(), "a new provenance is an update: " + r);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // pending facts and checkpoints

  @Test
  void pendingFactsAreListedByTheAwaitedKeyAndRemoved() {
    PendingFact f1 = pendingFact("sha256-p#1", BETA_KEY, 1);
    PendingFact f2 = pendingFact("sha256-p#2", BETA_KEY, 2);
    PendingFact f3 = pendingFact("sha256-p#3", LI_KEY, 3);
    write(new WriteOp.PutPending(f1), new WriteOp.PutPending(f2), new WriteOp.PutPending(f3));
    assertEquals(Set.of(f1, f2), set(store.pending(BETA_KEY)));
    assertEquals(List.of(f3), store.pending(LI_KEY));
    assertEquals(List.of(), store.pending(ACME_KEY));
    assertEquals(3, store.counts().pending());

    long version = store.version();
    WriteResult again =
        write(
            new WriteOp.PutPending(
                new PendingFact(
                    "sha256-p#1", BETA_KEY, "{\"other\":1}", prov("samr-2024-10.jsonl", 1))));
    assertFalse(again.changedAnything(), "a pending fact with a known id is not replaced");
    assertEquals(version, store.version());
    assertEquals(Set.of(f1, f2), set(store.pending(BETA_KEY)));

    write(new WriteOp.RemovePending("sha256-p#1"));
    assertEquals(List.of(f2), store.pending(BETA_KEY));
    assertEquals(2, store.counts().pending());
    long afterRemove = store.version();
    assertTrue(afterRemove > version);
    write(new WriteOp.RemovePending("sha256-p#1"));
    write(new WriteOp.RemovePending("never-stored"));
    assertEquals(afterRemove, store.version(), "removing an absent pending fact changes nothing");

    List<PendingFact> all = new ArrayList<>();
    store.forEachPending(all::add);
    assertEquals(Set.of(f2, f3), set(all));
  }

  @Test
  void checkpointsAreWrittenAndReadBackOldestFirst() {
    BatchCheckpoint a1 =
        checkpoint("sha256-a", "samr-2024-01.jsonl", 5000, false, "2024-03-01T08:00:00Z");
    BatchCheckpoint b =
        new BatchCheckpoint(
            "sha256-b",
            "tax-2024-01.jsonl",
            "TAX",
            120,
            true,
            Instant.parse("2024-03-01T09:30:00.123456789Z"));
    BatchCheckpoint a2 =
        checkpoint("sha256-a", "samr-2024-01.jsonl", 10000, true, "2024-03-01T10:00:00Z");
    write(new WriteOp.Checkpoint(a1));
    assertEquals(Optional.of(a1), store.checkpoint("sha256-a"));
    write(new WriteOp.Checkpoint(b));
    write(new WriteOp.Checkpoint(a2));
    assertEquals(Optional.of(a2), store.checkpoint("sha256-a"), "the latest progress of the batch");
    assertEquals(Optional.of(b), store.checkpoint("sha256-b"));
    assertEquals(List.of(a2, b), store.checkpoints(), "one per batch, in the order first seen");
    assertEquals(Optional.empty(), store.checkpoint("sha256-c"));
  }

  @Test
  void checkpointIsCommittedWithTheFactsOfItsLines() {
    BatchCheckpoint cp =
        checkpoint("sha256-a", "samr-2024-01.jsonl", 2, false, "2024-03-01T08:00:00Z");
    write(put(acme()), put(zhang()), new WriteOp.Checkpoint(cp));
    assertEquals(Optional.of(cp), store.checkpoint("sha256-a"));
    assertTrue(store.subject(ZHANG_KEY).isPresent());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // streams and counts

  @Test
  void everyFactIsStreamedAndCounted() {
    writeFixtureCity();
    write(
        new WriteOp.PutPending(pendingFact("p-1", Keys.uscc(50), 1)),
        new WriteOp.PutPending(pendingFact("p-2", Keys.resident(50), 2)));
    List<Subject> subjects = new ArrayList<>();
    store.forEachSubject(subjects::add);
    List<Relation> relations = new ArrayList<>();
    store.forEachRelation(relations::add);
    List<CreditRecord> records = new ArrayList<>();
    store.forEachRecord(records::add);
    List<PendingFact> pending = new ArrayList<>();
    store.forEachPending(pending::add);

    assertEquals(set(StoreFixtures.subjects()), set(subjects));
    assertEquals(set(StoreFixtures.relations()), set(relations));
    assertEquals(set(StoreFixtures.records()), set(records));
    assertEquals(
        Set.of(pendingFact("p-1", Keys.uscc(50), 1), pendingFact("p-2", Keys.resident(50), 2)),
        set(pending));
    assertEquals(
        new StoreCounts(
            StoreFixtures.subjects().size(),
            StoreFixtures.relations().size(),
            StoreFixtures.records().size(),
            2),
        store.counts());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // persistence

  @Test
  void everythingSurvivesCloseAndReopen() throws Exception {
    assumeTrue(has(Capability.PERSISTENCE), "the backend does not declare PERSISTENCE");
    writeFixtureCity();
    StatusChange objected =
        change(StatusEvent.OBJECTED, LocalDate.of(2019, 6, 1), "samr-2024-11.jsonl", 1);
    write(append("ZSAMR-2019-0042", objected));
    PendingFact fact = pendingFact("p-1", Keys.uscc(50), 1);
    BatchCheckpoint a =
        checkpoint("sha256-a", "samr-2024-01.jsonl", 10, true, "2024-03-01T08:00:00Z");
    BatchCheckpoint b =
        checkpoint("sha256-b", "samr-2024-02.jsonl", 3, false, "2024-03-02T08:00:00Z");
    write(new WriteOp.PutPending(fact), new WriteOp.Checkpoint(a));
    write(new WriteOp.Checkpoint(b));
    long version = store.version();
    StoreCounts counts = store.counts();

    store.close();
    store = null;
    store = reopenStore(storeDir);

    assertEquals(version, store.version(), "the version persists");
    assertEquals(counts, store.counts());
    for (Subject s : StoreFixtures.subjects()) {
      assertEquals(Optional.of(s), store.subject(s.key()));
      assertEquals(Optional.of(s), store.subject(s.id()));
    }
    Set<Relation> relations = new HashSet<>();
    store.forEachRelation(relations::add);
    assertEquals(set(StoreFixtures.relations()), relations);
    assertEquals(
        List.of(zhangLegalRepOfAcme()),
        relations(
            ZHANG_KEY,
            Direction.OUTGOING,
            Set.of(RelationType.LEGAL_REP),
            LocalDate.of(2020, 6, 30)));
    assertEquals(
        Optional.of(acmeLicenceRevoked().withStatusChange(objected)),
        store.record("ZSAMR-2019-0042"));
    assertEquals(Optional.of(betaJudgmentDebtorWithHistory()), store.record("ZSCOURT-2020-0101"));
    assertEquals(List.of(fact), store.pending(Keys.uscc(50)));
    assertEquals(List.of(a, b), store.checkpoints());

    write(put(Subject.company(Keys.usccText(60), "重开后新增公司")));
    assertTrue(store.version() > version, "versions keep increasing after a reopen");
    write(put(zhang().withId(SubjectId.random())));
    assertEquals(
        zhang().id(), store.subject(ZHANG_KEY).orElseThrow().id(), "ids are kept across reopen");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // concurrency

  /**
   * Readers run while a writer commits batches of (new company, 张三's share in it): a read never
   * sees less than the batches committed before it began, a reader that sees a batch's company sees
   * its relation too, and no read fails or waits until the writer is done. 张三 passes 50
   * relationships on purpose: Neo4j rewrites a node's relationship chain there (dense nodes), which
   * a read-committed backend can expose half done.
   */
  @Test
  void readsRunConcurrentlyWithWritesAndSeeWholeBatches() throws Exception {
    assumeTrue(has(Capability.CONCURRENT_READS), "the backend does not declare CONCURRENT_READS");
    write(put(zhang()));
    int batches = 80;
    int readers = 2;
    ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(readers);
    List<String> violations = new CopyOnWriteArrayList<>();
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger committed = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < readers; t++) {
        futures.add(
            pool.submit(
                () -> {
                  started.countDown();
                  do {
                    int known = committed.get();
                    int visible =
                        relations(
                                ZHANG_KEY,
                                Direction.OUTGOING,
                                Set.of(RelationType.SHAREHOLDER),
                                null)
                            .size();
                    if (visible < known) {
                      violations.add(
                          known
                              + " batches were committed before the read, but it saw "
                              + visible
                              + " of their relations");
                    }
                    int seen = 0;
                    while (seen < batches && store.subject(Keys.uscc(1000 + seen)).isPresent()) {
                      seen++;
                    }
                    List<Relation> shares =
                        relations(
                            ZHANG_KEY, Direction.OUTGOING, Set.of(RelationType.SHAREHOLDER), null);
                    if (shares.size() < seen) {
                      violations.add(
                          "saw " + seen + " companies but only " + shares.size() + " relations");
                    }
                    if (!store.subject(ZHANG_KEY).equals(Optional.of(zhang()))) {
                      violations.add("张三 changed while unrelated batches were written");
                    }
                    reads.incrementAndGet();
                  } while (writing.get());
                  return null;
                }));
      }
      Future<?> writer =
          pool.submit(
              () -> {
                started.await();
                try {
                  for (int i = 0; i < batches; i++) {
                    SubjectKey.Org key = Keys.uscc(1000 + i);
                    write(
                        put(Subject.company(key.uscc().value(), "并发测试公司" + i)),
                        put(Relation.shareholder(ZHANG_KEY, key, 0.01, LocalDate.of(2020, 1, 1))));
                    committed.incrementAndGet();
                  }
                } finally {
                  writing.set(false);
                }
                return null;
              });
      writer.get(120, TimeUnit.SECONDS);
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "reader threads ended");
    }
    assertEquals(List.of(), violations);
    assertTrue(reads.get() >= readers, "every reader read at least once");
    assertEquals(
        batches,
        relations(ZHANG_KEY, Direction.OUTGOING, Set.of(RelationType.SHAREHOLDER), null).size());
    assertEquals(batches + 1, store.counts().subjects());
    assertNotEquals(0, store.version());
  }
}
