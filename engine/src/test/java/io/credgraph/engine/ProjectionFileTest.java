package io.credgraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.CredgraphException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.Subject;
import io.credgraph.rules.RuleCatalogue;
import io.credgraph.store.WriteBatch;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start from the projection file answers exactly as a start from the store (random graphs of
 * {@link IncrementalEqualsFullPropertyTest}), and a file that is not the store's projection as it
 * is now (stale, cut short, with a changed byte, of another format) is never served: the engine
 * reads the store and says why.
 */
class ProjectionFileTest {
  private static final ListCatalogue LISTS = ListCatalogue.defaults();
  private static final RuleCatalogue RULES = RuleCatalogue.defaults(LISTS);

  @TempDir Path dir;

  @Property(tries = 60)
  void aStartFromTheFileAnswersAsAStartFromTheStore(
      @ForAll @Size(max = 40) List<@IntRange(min = 0, max = Integer.MAX_VALUE - 1) Integer> events)
      throws IOException {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine engine = CredgraphEngine.open(store);
    IncrementalEqualsFullPropertyTest.World w = new IncrementalEqualsFullPropertyTest.World();
    engine.write(w.initial());
    for (int code : events) {
      try {
        engine.write(WriteBatch.of(w.event(code)));
      } catch (CredgraphException refused) {
        // an impossible event: nothing written
      }
    }
    Path file = Files.createTempFile(Path.of("target"), "projection", ".bin");
    try {
      startsFromTheFile(store, engine, file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void startsFromTheFile(
      InMemoryGraphStore store, CredgraphEngine engine, Path file) {
    engine.saveProjection(file);
    CredgraphEngine fromFile = CredgraphEngine.open(store, LISTS, RULES, file);
    assertTrue(fromFile.startedFrom().startsWith("the projection file"), fromFile.startedFrom());
    CredgraphEngine fromStore = CredgraphEngine.open(store);
    assertEquals(fromStore.derivedFingerprint(), fromFile.derivedFingerprint());
    assertEquals(fromStore.version(), fromFile.version());
    assertEquals(
        GraphSnapshotPropertyTest.canonicalOf(fromStore.snapshot()),
        GraphSnapshotPropertyTest.canonicalOf(fromFile.snapshot()));
    // and it goes on from there: a write through the engine started from the file
    Subject late = Subject.company("91350100M000100Y43", "后来的公司");
    fromFile.write(WriteBatch.builder().subject(late).build());
    assertEquals(1 + fromStore.snapshot().nodeCount(), fromFile.snapshot().nodeCount());
  }

  @Test
  void aStaleCutOrChangedFileIsNeverServed() throws IOException {
    InMemoryGraphStore store = InMemoryGraphStore.create();
    CredgraphEngine engine = CredgraphEngine.open(store);
    IncrementalEqualsFullPropertyTest.World w = new IncrementalEqualsFullPropertyTest.World();
    engine.write(w.initial());
    for (int code = 0; code < 400; code += 7) {
      try {
        engine.write(WriteBatch.of(w.event(code * 7919)));
      } catch (CredgraphException refused) {
        // nothing written
      }
    }
    Path file = dir.resolve("projection.bin");
    assertTrue(
        CredgraphEngine.open(store, LISTS, RULES, file)
            .startedFrom()
            .contains("no projection file"));
    engine.saveProjection(file);
    byte[] good = Files.readAllBytes(file);
    assertTrue(
        CredgraphEngine.open(store, LISTS, RULES, file)
            .startedFrom()
            .startsWith("the projection file"));

    byte[] changed = good.clone();
    changed[good.length / 2] ^= 0x10;
    Files.write(file, changed);
    assertRebuilt(store, file, "");
    Files.write(file, java.util.Arrays.copyOf(good, good.length - 13));
    assertRebuilt(store, file, "");
    byte[] format = good.clone();
    format[7] = 9;
    Files.write(file, resealed(format));
    assertRebuilt(store, file, "format 9");

    Files.write(file, good);
    engine.write(
        WriteBatch.builder().subject(Subject.company("91350100M000100Y43", "又一家公司")).build());
    assertRebuilt(store, file, "the store is at version " + store.version());
    engine.saveProjection(file);
    assertTrue(
        CredgraphEngine.open(store, LISTS, RULES, file)
            .startedFrom()
            .startsWith("the projection file"));
  }

  /** {@code b} with its CRC-32 seal made again (a file sealed right but of another format). */
  private static byte[] resealed(byte[] b) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(b, 0, b.length - 12);
    java.nio.ByteBuffer.wrap(b, b.length - 12, 8).putLong(crc.getValue());
    return b;
  }

  private static void assertRebuilt(InMemoryGraphStore store, Path file, String why) {
    CredgraphEngine e = CredgraphEngine.open(store, LISTS, RULES, file);
    assertTrue(e.startedFrom().startsWith("the store: "), e.startedFrom());
    assertTrue(e.startedFrom().contains(why), e.startedFrom());
    assertEquals(CredgraphEngine.open(store).derivedFingerprint(), e.derivedFingerprint());
  }
}
