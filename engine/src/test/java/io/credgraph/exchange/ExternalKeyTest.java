package io.credgraph.exchange;

import static io.credgraph.exchange.ExchangeLoaderTest.ENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credgraph.ValidationException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import io.credgraph.store.memory.InMemoryGraphStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Subjects from outside China's registries (EXCHANGE.md): keyed {"scheme": ..., "externalId": ...}
 * in every place a natural key goes, masked in text like a document number, refused with the field
 * named when incomplete.
 */
class ExternalKeyTest {
  final InMemoryGraphStore store = InMemoryGraphStore.create();
  final List<Rejection> rejections = new ArrayList<>();

  LoadReport load(String... lines) {
    ExchangeLoader loader =
        new ExchangeLoader(store, LoadOptions.defaults().withRejections(rejections::add));
    byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    return loader.load(new ByteArrayInputStream(body), "01-foreign.jsonl", LoadListener.NONE);
  }

  @Test
  void foreignSubjectsRelationsAndRecordsLoadByExternalKey() {
    LoadReport r =
        load(
            "{\"type\":\"subject\",\"kind\":\"PERSON\",\"scheme\":\"ftm\",\"externalId\":\"NK-aU5ybkbRFJ\","
                + "\"name\":\"Alexander Z\",\"country\":\"ru\"}",
            "{\"type\":\"relation\",\"rel\":\"SHAREHOLDER\",\"from\":{\"scheme\":\"ftm\",\"externalId\":\"NK-aU5ybkbRFJ\"},"
                + "\"to\":{\"uscc\":\""
                + ENT
                + "\"},\"since\":\"2020-01-10\",\"ratio\":0.75}",
            "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"uscc\":\""
                + ENT
                + "\",\"name\":\"中山市示例五金有限公司\"}",
            "{\"type\":\"relation\",\"rel\":\"LINKED_TO\",\"from\":{\"scheme\":\"ftm\",\"externalId\":\"NK-aU5ybkbRFJ\"},"
                + "\"to\":{\"scheme\":\"ftm\",\"externalId\":\"NK-other\"},\"since\":\"2019-01-01\",\"relation\":\"associate\"}",
            "{\"type\":\"record\",\"id\":\"ofac-1\",\"subject\":{\"scheme\":\"ftm\",\"externalId\":\"NK-aU5ybkbRFJ\"},"
                + "\"list\":\"FOREIGN_SANCTION\",\"decidedOn\":\"2022-03-15\",\"authority\":\"OFAC\"}");
    assertEquals(List.of(), rejections);
    assertEquals(5, r.accepted() + r.pending(), r.summary());
    assertEquals(1, store.counts().pending(), "the link to an entity not yet delivered waits");
    SubjectKey person = SubjectKey.external("ftm", "NK-aU5ybkbRFJ");
    Subject s = store.subject(person).orElseThrow();
    assertEquals(SubjectKind.PERSON, s.kind());
    assertEquals("ru", s.attributes().get("country"));
    List<Relation> out =
        store.relations(
            person,
            GraphStore.Direction.OUTGOING,
            Set.of(RelationType.SHAREHOLDER),
            Optional.empty());
    assertEquals(1, out.size());
    assertEquals(OptionalDouble.of(0.75), out.get(0).ratio());
    CreditRecord rec = store.record("ofac-1").orElseThrow();
    assertEquals(person, rec.subject());
    assertEquals("OFAC", rec.attributes().get("authority"));

    load(
        "{\"type\":\"subject\",\"kind\":\"ENTERPRISE\",\"scheme\":\"ftm\",\"externalId\":\"NK-other\","
            + "\"name\":\"Other LLC\"}");
    assertEquals(
        0, store.counts().pending(), "the waiting link is applied when its subject arrives");
  }

  @Test
  void anIncompleteOrMixedExternalKeyIsRejectedWithItsField() {
    load(
        "{\"type\":\"subject\",\"kind\":\"PERSON\",\"scheme\":\"ftm\",\"name\":\"x\"}",
        "{\"type\":\"relation\",\"rel\":\"LINKED_TO\",\"from\":{\"scheme\":\"F T M\",\"externalId\":\"a\"},"
            + "\"to\":{\"uscc\":\""
            + ENT
            + "\"},\"since\":\"2019-01-01\"}",
        "{\"type\":\"relation\",\"rel\":\"LINKED_TO\",\"from\":{\"scheme\":\"ftm\",\"externalId\":\"a\","
            + "\"uscc\":\""
            + ENT
            + "\"},\"to\":{\"uscc\":\""
            + ENT
            + "\"},\"since\":\"2019-01-01\"}");
    assertEquals(3, rejections.size(), rejections.toString());
    assertEquals("externalId", rejections.get(0).field());
    assertEquals("from.scheme", rejections.get(1).field());
    assertEquals("from", rejections.get(2).field());
    assertTrue(
        rejections.get(2).reason().contains("scheme+externalId"), rejections.get(2).reason());
  }

  @Test
  void theStoredFormRoundTripsAndTextIsMasked() {
    SubjectKey.External k = SubjectKey.external("FTM", "NK-aU5ybkbRFJucf8YMwsJvDw");
    assertEquals("ftm", k.scheme(), "schemes are lower-case");
    assertEquals("ext:ftm:NK-aU5ybkbRFJucf8YMwsJvDw", k.canonical());
    assertEquals(k, SubjectKey.fromCanonical(k.canonical()));
    assertEquals(
        SubjectKey.external("icij", "a:b"),
        SubjectKey.fromCanonical("ext:icij:a:b"),
        "ids may hold ':'");
    assertFalse(k.toString().contains("aU5ybkbRFJucf8YMwsJvDw"), k.toString());
    assertTrue(k.mayBePerson() && k.mayBeOrganisation());
    assertThrows(ValidationException.class, () -> SubjectKey.external("ftm", " "));
    assertThrows(ValidationException.class, () -> SubjectKey.external("ftm", "a\nb"));
    assertThrows(
        ValidationException.class,
        () -> Subject.of(SubjectKind.ENTERPRISE, SubjectKey.person("PASSPORT", "E7654321"), "x"),
        "a document number still keys persons only");
  }
}
