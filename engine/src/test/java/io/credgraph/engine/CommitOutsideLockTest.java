package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.rules.Role;
import io.credgraph.store.GraphStore;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.WriteOp;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 item 2: a load does not stop the counter. While the store commits a batch (here held
 * open on purpose), checks answer at once from the last version the engine applied; once the commit
 * returns and the engine has applied it, they answer from the new version.
 */
class CommitOutsideLockTest {
  private static final LocalDate DAY = LocalDate.of(2023, 3, 1);

  private final SubjectKey person = EngineScenarios.personKey(1);
  private final SubjectKey firm = EngineScenarios.orgKey(2);

  @Test
  void checksAnswerFromTheLastAppliedVersionWhileTheStoreCommits() throws Exception {
    CountDownLatch committing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Boolean> hold = new AtomicReference<>(false);
    GraphStore memory = InMemoryGraphStore.create();
    GraphStore store =
        (GraphStore)
            Proxy.newProxyInstance(
                GraphStore.class.getClassLoader(),
                new Class<?>[] {GraphStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("write") && hold.get()) {
                    committing.countDown();
                    assertTrue(release.await(30, TimeUnit.SECONDS), "the test releases the commit");
                  }
                  try {
                    return method.invoke(memory, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    CredgraphEngine engine = CredgraphEngine.open(store);
    engine.write(
        WriteBatch.builder()
            .subject(Subject.of(SubjectKind.PERSON, person, "王某"))
            .subject(Subject.company(firm.masked(), "某公司"))
            .relation(Relation.of(RelationType.LEGAL_REP, person, firm, LocalDate.of(2018, 1, 1)))
            .build());
    long before = engine.version();
    assertTrue(engine.checkAppointment(person, Role.LEGAL_REP, Optional.empty(), DAY).eligible());

    // 2023-03-01: a batch lists the firm as seriously illegal and dishonest from 2022-04-01; the
    // store takes its time to commit it
    hold.set(true);
    CompletableFuture<Void> load =
        CompletableFuture.runAsync(
            () ->
                engine.write(
                    WriteBatch.of(
                        new WriteOp.PutRecord(
                            CreditRecord.of(
                                "S1",
                                firm,
                                "SERIOUS_ILLEGAL_DISHONEST",
                                "MARKET_REGULATION",
                                LocalDate.of(2022, 4, 1))))));
    assertTrue(committing.await(30, TimeUnit.SECONDS), "the store is committing");
    // answered now, not after the commit, and from the version before it
    CompletableFuture<AppointmentCheck> during =
        CompletableFuture.supplyAsync(
            () -> engine.checkAppointment(person, Role.LEGAL_REP, Optional.empty(), DAY));
    AppointmentCheck answered = during.get(10, TimeUnit.SECONDS);
    assertTrue(answered.eligible(), "the record is not committed yet: " + answered);
    assertEquals(before, engine.version());
    assertFalse(load.isDone());

    release.countDown();
    load.get(30, TimeUnit.SECONDS);
    assertTrue(engine.version() > before);
    AppointmentCheck after = engine.checkAppointment(person, Role.LEGAL_REP, Optional.empty(), DAY);
    assertFalse(
        after.eligible(), "the committed record restricts the legal representative: " + after);
  }
}
