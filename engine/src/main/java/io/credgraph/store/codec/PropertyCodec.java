package io.credgraph.store.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.Jsons;
import io.credgraph.StoreException;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.LegalForm;
import io.credgraph.model.Provenance;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.StatusChange;
import io.credgraph.model.StatusEvent;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.SubjectStatus;
import io.credgraph.store.BatchCheckpoint;
import io.credgraph.store.PendingFact;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * How facts become the flat property maps of a graph database's nodes and edges and back, exactly,
 * whatever the store: keys in their canonical form, attributes, provenance and status history as
 * JSON strings (their order kept), absent values as absent (null) properties. A store chooses how
 * dates are kept: as {@link LocalDate} values where the database has a date type ({@link
 * #NATIVE_DATES}, Neo4j), or as ISO-8601 strings ({@link #ISO_DATES}, Gremlin backends); everything
 * else a store does with the maps (Cypher parameters, one JSON document per element) is its own.
 */
public final class PropertyCodec {
  /** Dates as {@link LocalDate} values (for databases with a date type). */
  public static final PropertyCodec NATIVE_DATES = new PropertyCodec(false);

  /** Dates as ISO-8601 strings (for databases that keep strings only). */
  public static final PropertyCodec ISO_DATES = new PropertyCodec(true);

  private static final ObjectMapper JSON = Jsons.plain();
  private final boolean isoDates;

  private PropertyCodec(boolean isoDates) {
    this.isoDates = isoDates;
  }

  // --- subjects

  public Map<String, Object> subjectProps(Subject s) {
    Map<String, Object> m = new HashMap<>();
    m.put("key", s.key().canonical());
    m.put("id", s.id().value());
    m.put("kind", s.kind().name());
    m.put("name", s.name());
    m.put("legalForm", s.legalForm().map(Enum::name).orElse(null));
    m.put("status", s.status().map(Enum::name).orElse(null));
    m.put("registeredOn", s.registeredOn().map(this::stored).orElse(null));
    m.put("district", s.district().orElse(null));
    m.put("industry", s.industry().orElse(null));
    m.put("attributes", attributesJson(s.attributes()));
    m.put("provenance", provenanceJson(s.provenance()));
    return m;
  }

  public Subject subject(Map<String, Object> m) {
    return new Subject(
        new SubjectId(str(m, "id")),
        SubjectKind.valueOf(str(m, "kind")),
        SubjectKey.fromCanonical(str(m, "key")),
        str(m, "name"),
        opt(m, "legalForm").map(LegalForm::valueOf),
        opt(m, "status").map(SubjectStatus::valueOf),
        date(m, "registeredOn"),
        opt(m, "district"),
        opt(m, "industry"),
        attributes(m),
        provenance(m));
  }

  // --- relations

  /** The properties of a relation (its type and ends are the relationship's type and nodes). */
  public Map<String, Object> relationProps(Relation r) {
    Map<String, Object> m = new HashMap<>();
    m.put("since", stored(r.since()));
    m.put("until", r.until().map(this::stored).orElse(null));
    m.put("ratio", r.ratio().isPresent() ? r.ratio().getAsDouble() : null);
    m.put("attributes", attributesJson(r.attributes()));
    m.put("provenance", provenanceJson(r.provenance()));
    return m;
  }

  public Relation relation(String type, String from, String to, Map<String, Object> props) {
    Object ratio = props.get("ratio");
    return new Relation(
        RelationType.valueOf(type),
        SubjectKey.fromCanonical(from),
        SubjectKey.fromCanonical(to),
        day(props.get("since")),
        date(props, "until"),
        ratio == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) ratio).doubleValue()),
        attributes(props),
        provenance(props));
  }

  // --- records

  public Map<String, Object> recordProps(CreditRecord r) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", r.id());
    m.put("subject", r.subject().canonical());
    m.put("list", r.list());
    m.put("department", r.department());
    m.put("decisionNo", r.decisionNo());
    m.put("basis", r.basis());
    m.put("decidedOn", stored(r.decidedOn()));
    m.put("effectiveFrom", stored(r.effectiveFrom()));
    m.put("effectiveUntil", r.effectiveUntil().map(this::stored).orElse(null));
    m.put("liablePersons", r.liablePersons().stream().map(SubjectKey::canonical).toList());
    m.put("profession", r.profession().orElse(null));
    m.put("crime", r.crime().map(Enum::name).orElse(null));
    m.put("sentenceCompletedOn", r.sentenceCompletedOn().map(this::stored).orElse(null));
    m.put("probationEndsOn", r.probationEndsOn().map(this::stored).orElse(null));
    m.put(
        "politicalRightsDeprivedUntil",
        r.politicalRightsDeprivedUntil().map(this::stored).orElse(null));
    m.put("attributes", attributesJson(r.attributes()));
    m.put("history", historyJson(r.history()));
    m.put("provenance", provenanceJson(r.provenance()));
    return m;
  }

  public CreditRecord record(Map<String, Object> m) {
    List<SubjectKey> liable = new ArrayList<>();
    for (Object k : list(m.get("liablePersons"))) {
      liable.add(SubjectKey.fromCanonical((String) k));
    }
    return new CreditRecord(
        str(m, "id"),
        SubjectKey.fromCanonical(str(m, "subject")),
        str(m, "list"),
        str(m, "department"),
        str(m, "decisionNo"),
        str(m, "basis"),
        day(m.get("decidedOn")),
        day(m.get("effectiveFrom")),
        date(m, "effectiveUntil"),
        liable,
        opt(m, "profession"),
        opt(m, "crime").map(Crime::valueOf),
        date(m, "sentenceCompletedOn"),
        date(m, "probationEndsOn"),
        date(m, "politicalRightsDeprivedUntil"),
        attributes(m),
        history(str(m, "history")),
        provenance(m));
  }

  // --- pending facts and checkpoints

  public Map<String, Object> pendingProps(PendingFact p) {
    Map<String, Object> m = new HashMap<>();
    m.put("id", p.id());
    m.put("awaited", p.awaited().canonical());
    m.put("line", p.line());
    m.put("provenance", write(provenanceNode(p.provenance())));
    return m;
  }

  public PendingFact pending(Map<String, Object> m) {
    return new PendingFact(
        str(m, "id"),
        SubjectKey.fromCanonical(str(m, "awaited")),
        str(m, "line"),
        provenance(read(str(m, "provenance"))));
  }

  public Map<String, Object> checkpointProps(BatchCheckpoint c, long seq) {
    Map<String, Object> m = new HashMap<>();
    m.put("batchHash", c.batchHash());
    m.put("name", c.name());
    m.put("department", c.department());
    m.put("lastLine", c.lastLine());
    m.put("complete", c.complete());
    m.put("updatedAt", c.updatedAt().toString());
    m.put("seq", seq);
    return m;
  }

  public BatchCheckpoint checkpoint(Map<String, Object> m) {
    return new BatchCheckpoint(
        str(m, "batchHash"),
        str(m, "name"),
        str(m, "department"),
        ((Number) m.get("lastLine")).longValue(),
        (Boolean) m.get("complete"),
        Instant.parse(str(m, "updatedAt")));
  }

  // --- JSON parts

  public static String attributesJson(Map<String, String> attributes) {
    ObjectNode o = JSON.createObjectNode();
    new TreeMap<>(attributes).forEach(o::put);
    return write(o);
  }

  public static String provenanceJson(List<Provenance> provenance) {
    ArrayNode a = JSON.createArrayNode();
    provenance.forEach(p -> a.add(provenanceNode(p)));
    return write(a);
  }

  public static String historyJson(List<StatusChange> history) {
    ArrayNode a = JSON.createArrayNode();
    for (StatusChange c : history) {
      ObjectNode o = a.addObject();
      o.put("event", c.event().name());
      o.put("on", c.on().toString());
      c.note().ifPresent(n -> o.put("note", n));
      c.person().ifPresent(p -> o.put("person", p.canonical()));
      o.set("provenance", provenanceNode(c.provenance()));
    }
    return write(a);
  }

  private static ObjectNode provenanceNode(Provenance p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("department", p.department());
    o.put("batch", p.batch());
    o.put("batchHash", p.batchHash());
    o.put("line", p.line());
    return o;
  }

  private static Provenance provenance(JsonNode o) {
    return new Provenance(
        o.get("department").asText(),
        o.get("batch").asText(),
        o.get("batchHash").asText(),
        o.get("line").asLong());
  }

  private static List<Provenance> provenance(Map<String, Object> m) {
    List<Provenance> out = new ArrayList<>();
    Object json = m.get("provenance");
    if (json != null) {
      read((String) json).forEach(n -> out.add(provenance(n)));
    }
    return out;
  }

  private static List<StatusChange> history(String json) {
    List<StatusChange> out = new ArrayList<>();
    if (json != null) {
      for (JsonNode o : read(json)) {
        out.add(
            new StatusChange(
                StatusEvent.valueOf(o.get("event").asText()),
                LocalDate.parse(o.get("on").asText()),
                Optional.ofNullable(o.get("note")).map(JsonNode::asText),
                Optional.ofNullable(o.get("person")).map(p -> SubjectKey.fromCanonical(p.asText())),
                provenance(o.get("provenance"))));
      }
    }
    return out;
  }

  private static Map<String, String> attributes(Map<String, Object> m) {
    Object json = m.get("attributes");
    if (json == null) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = read((String) json).properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      out.put(f.getKey(), f.getValue().asText());
    }
    return out;
  }

  private static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode " + node.getNodeType() + " as JSON", e, false);
    }
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is damaged: " + e.getOriginalMessage(), e, false);
    }
  }

  // --- plain values

  private static String str(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  private static Optional<String> opt(Map<String, Object> m, String key) {
    return Optional.ofNullable((String) m.get(key));
  }

  private Optional<LocalDate> date(Map<String, Object> m, String key) {
    return Optional.ofNullable(m.get(key)).map(this::day);
  }

  private Object stored(LocalDate d) {
    return isoDates ? d.toString() : d;
  }

  private LocalDate day(Object stored) {
    return isoDates ? LocalDate.parse((String) stored) : (LocalDate) stored;
  }

  /** A list property as a list, whether the backend gives a List or an array. */
  public static List<?> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> l) {
      return l;
    }
    if (value.getClass().isArray()) {
      int n = Array.getLength(value);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(Array.get(value, i));
      }
      return out;
    }
    throw new StoreException("expected a list property, found " + value.getClass().getSimpleName());
  }
}
