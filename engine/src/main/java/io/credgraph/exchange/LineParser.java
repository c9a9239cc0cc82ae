package io.credgraph.exchange;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.Crime;
import io.credgraph.model.Dates;
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
import io.credgraph.store.WriteOp;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validates one exchange line (EXCHANGE.md) and builds the domain value it delivers. Every problem
 * is a {@link ValidationException} whose field names the offending field as a path ({@code
 * from.idNumber}, {@code liablePersons[1].idNumber}); {@link #LINE} stands for the line as a whole.
 *
 * <p>Checks that need the store (does the subject exist, is the transition allowed) are the
 * loader's, not this class's. Thread-safe.
 */
final class LineParser {
  /** The field name used when the whole line is at fault (malformed JSON, not an object). */
  static final String LINE = "(line)";

  private static final Set<String> SUBJECT_FIELDS =
      Set.of(
          "type",
          "kind",
          "uscc",
          "idNumber",
          "idType",
          "scheme",
          "externalId",
          "name",
          "legalForm",
          "status",
          "registeredOn",
          "district",
          "industry",
          "department");
  private static final Set<String> RELATION_FIELDS =
      Set.of("type", "rel", "from", "to", "since", "until", "ratio", "department");
  private static final Set<String> RECORD_FIELDS =
      Set.of(
          "type",
          "id",
          "subject",
          "list",
          "department",
          "decisionNo",
          "basis",
          "decidedOn",
          "effectiveFrom",
          "effectiveUntil",
          "liablePersons",
          "profession",
          "crime",
          "sentenceCompletedOn",
          "probationEndsOn",
          "politicalRightsDeprivedUntil",
          "status",
          "statusOn",
          "note");
  private static final Set<String> STATUS_FIELDS =
      Set.of("type", "record", "status", "on", "note", "person", "department");
  private static final String TYPES = "subject, relation, record, status, end";

  private final ObjectMapper mapper;
  private final ListCatalogue lists;

  LineParser(ListCatalogue lists) {
    this.lists = lists;
    this.mapper =
        Jsons.plainBuilder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  /** Reads the JSON object of a line; malformed JSON, invalid UTF-8 or a non-object is rejected. */
  JsonNode read(byte[] bytes, int length) {
    JsonNode node;
    try {
      node = mapper.readTree(bytes, 0, length);
    } catch (JsonProcessingException e) {
      throw new ValidationException(LINE, "malformed JSON: " + describe(e));
    } catch (IOException e) {
      throw new ValidationException(LINE, "unreadable line: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new ValidationException(LINE, "empty line");
    }
    if (!node.isObject()) {
      throw new ValidationException(
          LINE,
          "a line must be one JSON object, not "
              + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }

  JsonNode read(String line) {
    byte[] b = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return read(b, b.length);
  }

  private static String describe(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (e instanceof JsonParseException && m != null && m.contains("UTF-8")) {
      return "the line is not valid UTF-8 text (" + m + ")";
    }
    long col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
    return (m == null ? e.getClass().getSimpleName() : m)
        + (col > 0 ? " (at column " + col + ")" : "");
  }

  /**
   * Validates {@code node} and builds its value. Provenance: the line's own {@code department} when
   * given, else {@code defaultDepartment}.
   */
  ParsedLine parse(
      JsonNode node, String batch, String batchHash, long line, String defaultDepartment) {
    String type = node.path("type").isTextual() ? node.get("type").asText() : null;
    if (type == null) {
      throw new ValidationException("type", "every line needs a \"type\" (one of " + TYPES + ")");
    }
    String dept = optText(node, "department").orElse(defaultDepartment);
    Provenance prov = new Provenance(dept, batch, batchHash, line);
    return switch (type) {
      case "subject" -> new ParsedLine.SubjectLine(subject(node, prov));
      case "relation" -> new ParsedLine.RelationLine(relation(node, prov));
      case "record" -> new ParsedLine.RecordLine(record(node, prov));
      case "status" -> status(node, prov);
      case "end" -> end(node, prov);
      default ->
          throw new ValidationException(
              "type", "unknown type '" + type + "' (expected one of " + TYPES + ")");
    };
  }

  private Subject subject(JsonNode n, Provenance prov) {
    SubjectKind kind = enumOf(n, "kind", SubjectKind.class, true).orElseThrow();
    SubjectKey key;
    if (n.has("scheme") || n.has("externalId")) {
      if (n.has("uscc") || n.has("idNumber")) {
        throw new ValidationException(
            "scheme", "a subject is keyed by one of uscc, idNumber or scheme+externalId");
      }
      key = externalKey(n, "");
    } else if (kind == SubjectKind.PERSON) {
      if (n.has("uscc")) {
        throw new ValidationException("uscc", "a PERSON is keyed by idNumber, not uscc");
      }
      key = personKey(n, "");
    } else {
      if (n.has("idNumber")) {
        throw new ValidationException("idNumber", "a " + kind + " is keyed by uscc, not idNumber");
      }
      key = orgKey(n, "");
    }
    String name =
        optText(n, "name")
            .orElseThrow(() -> new ValidationException("name", "a subject needs a name"));
    return new Subject(
        SubjectId.random(),
        kind,
        key,
        name,
        enumOf(n, "legalForm", LegalForm.class, false),
        enumOf(n, "status", SubjectStatus.class, false),
        optDate(n, "registeredOn"),
        optText(n, "district"),
        optText(n, "industry"),
        extras(n, SUBJECT_FIELDS),
        List.of(prov));
  }

  private Relation relation(JsonNode n, Provenance prov) {
    RelationType rel = enumOf(n, "rel", RelationType.class, true).orElseThrow();
    SubjectKey from = key(n, "from");
    SubjectKey to = key(n, "to");
    LocalDate since = date(n, "since");
    Optional<LocalDate> until = optDate(n, "until");
    OptionalDouble ratio = OptionalDouble.empty();
    JsonNode r = n.get("ratio");
    if (r != null && !r.isNull()) {
      if (!r.isNumber()) {
        throw new ValidationException("ratio", "ratio must be a number in (0, 1], not " + r);
      }
      ratio = OptionalDouble.of(r.asDouble());
    }
    return new Relation(
        rel, from, to, since, until, ratio, extras(n, RELATION_FIELDS), List.of(prov));
  }

  private CreditRecord record(JsonNode n, Provenance prov) {
    String id =
        optText(n, "id")
            .orElseThrow(
                () ->
                    new ValidationException(
                        "id", "a record needs its id from the issuing department"));
    SubjectKey subject = key(n, "subject");
    String listCode =
        optText(n, "list")
            .orElseThrow(() -> new ValidationException("list", "a record needs its list code"));
    lists.require(listCode);
    LocalDate decidedOn = date(n, "decidedOn");
    List<SubjectKey> liable = new ArrayList<>();
    JsonNode lp = n.get("liablePersons");
    if (lp != null && !lp.isNull()) {
      if (!lp.isArray()) {
        throw new ValidationException(
            "liablePersons", "liablePersons must be a list of {\"idNumber\": ...}");
      }
      for (int i = 0; i < lp.size(); i++) {
        SubjectKey k = keyObject(lp.get(i), "liablePersons[" + i + "]");
        if (!k.mayBePerson()) {
          throw new ValidationException(
              "liablePersons[" + i + "]", "liablePersons lists persons (idNumber)");
        }
        liable.add(k);
      }
    }
    Optional<Crime> crime = enumOf(n, "crime", Crime.class, false);
    if ("CRIMINAL_PENALTY".equals(listCode) && crime.isEmpty()) {
      throw new ValidationException(
          "crime", "a CRIMINAL_PENALTY record needs its crime (one of " + names(Crime.class) + ")");
    }
    if ("ADMINISTRATIVE_PENALTY".equals(listCode)) {
      penaltyFields(n);
    }
    CreditRecord rec =
        new CreditRecord(
            id,
            subject,
            listCode,
            prov.department(),
            optText(n, "decisionNo").orElse(""),
            optText(n, "basis").orElse(""),
            decidedOn,
            optDate(n, "effectiveFrom").orElse(null),
            optDate(n, "effectiveUntil"),
            liable,
            optText(n, "profession"),
            crime,
            optDate(n, "sentenceCompletedOn"),
            optDate(n, "probationEndsOn"),
            optDate(n, "politicalRightsDeprivedUntil"),
            extras(n, RECORD_FIELDS),
            List.of(),
            List.of(prov));
    Optional<StatusEvent> status = enumOf(n, "status", StatusEvent.class, false);
    if (status.isPresent() && status.get() == StatusEvent.RELEASED) {
      throw new ValidationException(
          "status",
          "a record's status is one of ACTIVE, OBJECTED, REPAIRED, REVOKED; "
              + "a release is a status line naming the person");
    }
    if (status.isPresent() && status.get() != StatusEvent.ACTIVE) {
      LocalDate on = optDate(n, "statusOn").orElse(rec.effectiveFrom());
      rec =
          rec.withStatusChange(
              new StatusChange(status.get(), on, optText(n, "note"), Optional.empty(), prov));
    }
    return rec;
  }

  private ParsedLine status(JsonNode n, Provenance prov) {
    String record =
        optText(n, "record")
            .orElseThrow(
                () ->
                    new ValidationException("record", "a status line needs the id of its record"));
    StatusEvent event = enumOf(n, "status", StatusEvent.class, true).orElseThrow();
    LocalDate on = date(n, "on");
    Optional<SubjectKey> person =
        n.hasNonNull("person") ? Optional.of(key(n, "person")) : Optional.empty();
    Optional<String> note = optText(n, "note");
    Map<String, String> extra = extras(n, STATUS_FIELDS);
    if (!extra.isEmpty()) {
      String kept =
          extra.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(", ", "[", "]"));
      note = Optional.of(note.map(t -> t + " " + kept).orElse(kept));
    }
    return new ParsedLine.StatusLine(record, new StatusChange(event, on, note, person, prov));
  }

  private ParsedLine end(JsonNode n, Provenance prov) {
    RelationType rel = enumOf(n, "rel", RelationType.class, true).orElseThrow();
    SubjectKey from = key(n, "from");
    SubjectKey to = key(n, "to");
    LocalDate until = date(n, "until");
    return new ParsedLine.EndLine(new WriteOp.EndRelation(rel, from, to, until, prov));
  }

  // ---- fields

  private static SubjectKey key(JsonNode n, String field) {
    JsonNode k = n.get(field);
    if (k == null || k.isNull()) {
      throw new ValidationException(
          field, field + " is required: {\"uscc\": ...} or {\"idNumber\": ...}");
    }
    return keyObject(k, field);
  }

  private static SubjectKey keyObject(JsonNode k, String field) {
    if (!k.isObject()) {
      throw new ValidationException(
          field, field + " must be an object {\"uscc\": ...} or {\"idNumber\": ...}");
    }
    boolean uscc = k.has("uscc");
    boolean id = k.has("idNumber");
    boolean ext = k.has("scheme") || k.has("externalId");
    if ((uscc ? 1 : 0) + (id ? 1 : 0) + (ext ? 1 : 0) != 1) {
      throw new ValidationException(
          field, field + " needs exactly one of uscc, idNumber or scheme+externalId");
    }
    if (ext) {
      return externalKey(k, field + ".");
    }
    return uscc ? orgKey(k, field + ".") : personKey(k, field + ".");
  }

  private static SubjectKey orgKey(JsonNode n, String prefix) {
    String raw = textOrThrow(n, "uscc", prefix);
    try {
      return SubjectKey.uscc(raw);
    } catch (ValidationException e) {
      throw prefix.isEmpty() ? e : e.under(prefix.substring(0, prefix.length() - 1));
    }
  }

  private static SubjectKey externalKey(JsonNode n, String prefix) {
    String scheme = textOrThrow(n, "scheme", prefix);
    String id = textOrThrow(n, "externalId", prefix);
    try {
      return SubjectKey.external(scheme, id);
    } catch (ValidationException e) {
      throw prefix.isEmpty() ? e : e.under(prefix.substring(0, prefix.length() - 1));
    }
  }

  private static SubjectKey personKey(JsonNode n, String prefix) {
    String raw = textOrThrow(n, "idNumber", prefix);
    String idType = n.hasNonNull("idType") ? n.get("idType").asText() : null;
    try {
      return SubjectKey.person(idType, raw);
    } catch (ValidationException e) {
      throw prefix.isEmpty() ? e : e.under(prefix.substring(0, prefix.length() - 1));
    }
  }

  private static String textOrThrow(JsonNode n, String field, String prefix) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
      throw new ValidationException(prefix + field, prefix + field + " must be a non-empty string");
    }
    return v.asText();
  }

  private static Optional<String> optText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isBinary()) {
      throw new ValidationException(
          field, field + " must be text, not " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static LocalDate date(JsonNode n, String field) {
    return optDate(n, field)
        .orElseThrow(() -> new ValidationException(field, field + " is required (YYYY-MM-DD)"));
  }

  private static Optional<LocalDate> optDate(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new ValidationException(field, field + " must be a date string YYYY-MM-DD, not " + v);
    }
    String s = v.asText().strip();
    if (!isIsoDateShape(s)) {
      throw new ValidationException(
          field, field + " '" + s + "' is not a date of the form YYYY-MM-DD");
    }
    return Optional.of(Dates.parse(s, field));
  }

  /**
   * {@code dddd-dd-dd}, checked without a regular expression (this runs for every date of every
   * line).
   */
  private static boolean isIsoDateShape(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static <E extends Enum<E>> Optional<E> enumOf(
      JsonNode n, String field, Class<E> type, boolean required) {
    Optional<String> s = optText(n, field);
    if (s.isEmpty()) {
      if (required) {
        throw new ValidationException(field, field + " is required (one of " + names(type) + ")");
      }
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, s.get().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          field, "unknown " + field + " '" + s.get() + "' (expected one of " + names(type) + ")");
    }
  }

  /**
   * ADMINISTRATIVE_PENALTY's own fields (EXCHANGE.md): severity GENERAL or SERIOUS (required),
   * penalty (optional).
   */
  private static void penaltyFields(JsonNode n) {
    JsonNode sev = n.get("severity");
    if (sev == null
        || sev.isNull()
        || !sev.isTextual()
        || !Set.of("GENERAL", "SERIOUS").contains(sev.asText())) {
      throw new ValidationException(
          "severity",
          "an ADMINISTRATIVE_PENALTY record needs its severity, GENERAL (一般) "
              + "or SERIOUS (严重)"
              + (sev == null || sev.isNull() ? "" : ", not " + sev));
    }
    JsonNode pen = n.get("penalty");
    Set<String> penalties =
        Set.of(
            "WARNING",
            "FINE",
            "CONFISCATION",
            "SUSPENSION",
            "LICENCE_REVOCATION",
            "DETENTION",
            "OTHER");
    if (pen != null && !pen.isNull() && !(pen.isTextual() && penalties.contains(pen.asText()))) {
      throw new ValidationException(
          "penalty",
          "penalty must be one of "
              + String.join(", ", penalties.stream().sorted().toList())
              + ", not "
              + pen);
    }
  }

  private static String names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Fields the format does not define, kept as attributes (text as is, other JSON as JSON). */
  private static Map<String, String> extras(JsonNode n, Set<String> known) {
    Map<String, String> out = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (known.contains(e.getKey()) || e.getValue().isNull()) {
        continue;
      }
      if (out == null) {
        out = new TreeMap<>();
      }
      out.put(
          e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
    }
    return out == null ? Map.of() : new LinkedHashMap<>(out);
  }
}
