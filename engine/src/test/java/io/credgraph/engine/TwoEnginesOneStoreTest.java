package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import org.junit.jupiter.api.Test;

/**
 * Two engines over one store, as two API servers over one database (issue #11 item 4): random
 * events written alternately through either engine leave both with exactly the measures and the
 * graph of an engine opened afresh on the store, whether an engine learns of the other's writes by
 * {@link CredgraphEngine#follow()} or by its own next write (which then reads the store whole
 * instead of applying its batch alone).
 */
class TwoEnginesOneStoreTest {
  @Test
  void eachEngineCatchesUpWithTheOthersWrites() {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine a = CredgraphEngine.open(store);
    CredgraphEngine b = CredgraphEngine.open(store);
    IncrementalEqualsFullPropertyTest.World w = new IncrementalEqualsFullPropertyTest.World();
    a.write(w.initial());
    assertTrue(b.follow(), "b reads the store after a's write");
    assertFalse(b.follow(), "nothing new: nothing to do");
    for (int i = 0; i < 120; i++) {
      int code = (int) ((i * 2_654_435_761L) & Integer.MAX_VALUE);
      CredgraphEngine writer = i % 3 == 0 ? b : a;
      try {
        writer.write(WriteBatch.of(w.event(code)));
      } catch (CredgraphException refused) {
        // an impossible event: nothing written
      }
      if (i % 5 == 4) {
        (writer == a ? b : a).follow();
      }
      if (i % 10 == 9) {
        a.follow();
        b.follow();
        CredgraphEngine fresh = CredgraphEngine.open(store);
        for (CredgraphEngine e : new CredgraphEngine[] {a, b}) {
          assertEquals(fresh.version(), e.version(), "after event " + i);
          assertEquals(fresh.derivedFingerprint(), e.derivedFingerprint(), "after event " + i);
          assertEquals(
              GraphSnapshotPropertyTest.canonicalOf(fresh.snapshot()),
              GraphSnapshotPropertyTest.canonicalOf(e.snapshot()),
              "after event " + i);
        }
      }
    }
  }
}
