package io.credgraph.store.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.credgraph.StoreException;
import io.credgraph.fixtures.StoreFixtures;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.Subject;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.PendingFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every fact survives the way to property maps and back, in both date forms (the fixtures set every
 * field).
 */
class PropertyCodecTest {
  static PropertyCodec codec(String form) {
    return form.equals("iso") ? PropertyCodec.ISO_DATES : PropertyCodec.NATIVE_DATES;
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "iso"})
  void subjectsRelationsAndRecordsComeBackEqual(String form) {
    PropertyCodec c = codec(form);
    for (Subject s : StoreFixtures.subjects()) {
      assertEquals(s, c.subject(c.subjectProps(s)), s.name());
    }
    for (Relation r : StoreFixtures.relations()) {
      assertEquals(
          r,
          c.relation(
              r.type().name(), r.from().canonical(), r.to().canonical(), c.relationProps(r)));
    }
    for (CreditRecord r : StoreFixtures.records()) {
      assertEquals(r, c.record(c.recordProps(r)), r.id());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "iso"})
  void pendingFactsAndCheckpointsComeBackEqual(String form) {
    PropertyCodec c = codec(form);
    PendingFact p =
        new PendingFact(
            "p-1",
            StoreFixtures.ACME_KEY,
            "{\"type\":\"record\"}",
            StoreFixtures.prov("b.jsonl", 7));
    assertEquals(p, c.pending(c.pendingProps(p)));
    BatchCheckpoint cp =
        new BatchCheckpoint(
            "h", "b.jsonl", "COURT", 5000, false, Instant.parse("2025-01-02T03:04:05Z"));
    Map<String, Object> props = c.checkpointProps(cp, 3);
    assertEquals(3L, ((Number) props.get("seq")).longValue());
    assertEquals(cp, c.checkpoint(props));
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "iso"})
  void datesTakeTheStoresFormAndAbsentValuesAreNull(String form) {
    CreditRecord r = StoreFixtures.acmeLicenceRevoked();
    Map<String, Object> props = codec(form).recordProps(r);
    Object decided = props.get("decidedOn");
    if (form.equals("iso")) {
      assertEquals(r.decidedOn().toString(), decided);
    } else {
      assertInstanceOf(LocalDate.class, decided);
    }
    for (Relation rel : StoreFixtures.relations()) {
      assertEquals(
          rel.until().isEmpty(),
          codec(form).relationProps(rel).get("until") == null,
          rel.toString());
    }
    assertNull(props.get("probationEndsOn"), "an absent date is an absent property");
  }

  @ParameterizedTest
  @ValueSource(strings = {"native", "iso"})
  void damagedStoredJsonIsAStoreErrorThatSaysSo(String form) {
    PropertyCodec c = codec(form);
    Map<String, Object> props = new HashMap<>(c.subjectProps(StoreFixtures.acme()));
    props.put("attributes", "{not json");
    StoreException e = assertThrows(StoreException.class, () -> c.subject(props));
    assertEquals(true, e.getMessage().startsWith("stored JSON is damaged"), e.getMessage());
  }

  @Test
  void listPropertiesComeAsListsOrArrays() {
    assertEquals(List.of("a", "b"), PropertyCodec.list(new String[] {"a", "b"}));
    assertEquals(List.of("a"), PropertyCodec.list(List.of("a")));
    assertEquals(List.of(), PropertyCodec.list(null));
    assertThrows(StoreException.class, () -> PropertyCodec.list(42));
  }
}
