package io.credgraph.datasets.ftm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.model.Uscc;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Turns a file of FollowTheMoney entities (JSON lines, as OpenSanctions publishes them; optionally
 * gzipped) into one batch of the exchange format, to be loaded with the usual validation and report
 * (docs/FORMATS.md):
 *
 * <ul>
 *   <li>subjects (Person, Company, Organization, LegalEntity, PublicBody by the mapping) keyed
 *       {@code {"scheme": "ftm", "externalId": <FtM id>}}; ids {@code cn-uscc-<USCC>} and {@code
 *       cn-id-<idType>-<number>} (written by {@link FtmExporter}) are our own natural keys again;
 *   <li>Ownership as SHAREHOLDER with {@code percentage} parsed to a ratio (absent when unknown or
 *       outside (0, 100]), Directorship by its role (mapping), Family as RELATIVE_OF, other links
 *       as LINKED_TO;
 *   <li>Sanction entities as records on the list the mapping gives, and topics of entities that no
 *       Sanction entity puts on the mapped list as records of their own;
 *   <li>references to entities not in the file stay in the lines: the loader keeps them pending
 *       until they arrive.
 * </ul>
 *
 * The file is read in three streaming passes (schemas and sanctioned entities; subjects; relations
 * and records), so memory grows with the number of entity ids, not with the file.
 */
public final class FtmImporter {
  static final String USCC_PREFIX = "cn-uscc-";
  static final String ID_PREFIX = "cn-id-";

  /** An entity that produced no line, with why. */
  public record Skipped(long line, String id, String reason) {}

  /** What a conversion wrote. */
  public record Summary(
      Path batch,
      long entities,
      Map<String, Integer> bySchema,
      long subjects,
      long relations,
      long records,
      List<Skipped> skipped) {
    public String text() {
      return String.format(
          "%,d FtM entities %s -> %,d subjects, %,d relations, %,d records in %s; %,d skipped",
          entities, bySchema, subjects, relations, records, batch.getFileName(), skipped.size());
    }
  }

  private final FtmMapping mapping;
  private final ObjectMapper json = Jsons.plain();

  public FtmImporter(FtmMapping mapping) {
    this.mapping = mapping;
  }

  /**
   * Converts {@code ftm} into {@code outDir/<name>.jsonl} (the name of the input without its
   * extensions).
   */
  public Summary convert(Path ftm, Path outDir) {
    String base = ftm.getFileName().toString().replaceFirst("(\\.[A-Za-z]+)+$", "");
    Path batch = outDir.resolve("ftm-" + base + ".jsonl");
    Map<String, String> schemaOf = new HashMap<>();
    Set<String> sanctioned = new HashSet<>();
    Map<String, Integer> bySchema = new TreeMap<>();
    List<Skipped> skipped = new ArrayList<>();
    long[] n = new long[4];
    read(
        ftm,
        skipped,
        e -> {
          n[0]++;
          bySchema.merge(e.schema(), 1, Integer::sum);
          schemaOf.putIfAbsent(e.id(), e.schema());
          if ("Sanction".equals(e.schema())) {
            String list = mapping.sanctionList(e.properties());
            e.all("entity").forEach(t -> sanctioned.add(t + "|" + list));
          }
        });
    try {
      Files.createDirectories(outDir);
      try (BufferedWriter out = Files.newBufferedWriter(batch, StandardCharsets.UTF_8)) {
        List<Skipped> none = new ArrayList<>();
        read(ftm, none, e -> n[1] += subject(e, out, skipped));
        long[] line = {0};
        Map<String, ObjectNode> holdings = new LinkedHashMap<>();
        read(
            ftm,
            none,
            e -> {
              line[0]++;
              n[2] += relation(e, schemaOf, out, skipped, line[0], holdings);
              n[3] += records(e, sanctioned, out, skipped, line[0]);
            });
        for (ObjectNode o : holdings.values()) {
          write(out, o);
          n[2]++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(batch, n[0], bySchema, n[1], n[2], n[3], skipped);
  }

  // ---- subjects

  private int subject(FtmEntity e, Writer out, List<Skipped> skipped) {
    Optional<SubjectKind> kind = mapping.kindOf(e.schema());
    if (kind.isEmpty()) {
      return 0;
    }
    Optional<String> name = e.name();
    if (name.isEmpty()) {
      skipped.add(new Skipped(0, e.id(), e.schema() + " without a name or caption"));
      return 0;
    }
    ObjectNode o = line("subject").put("kind", kind.get().name());
    SubjectKey key;
    try {
      key = key(e.id());
    } catch (ValidationException ex) {
      skipped.add(new Skipped(0, e.id(), "id: " + ex.getMessage()));
      return 0;
    }
    if ((kind.get() == SubjectKind.PERSON) != key.mayBePerson()
        && !(key instanceof SubjectKey.External)) {
      skipped.add(
          new Skipped(
              0,
              e.id(),
              "a "
                  + e.schema()
                  + " cannot have the id of a "
                  + (key.isPerson() ? "person" : "registered organisation")));
      return 0;
    }
    keyFields(o, key);
    o.put("name", name.get());
    if ("Company".equals(e.schema()) && kind.get() == SubjectKind.ENTERPRISE) {
      o.put("legalForm", "COMPANY");
    }
    if (kind.get() != SubjectKind.PERSON) {
      e.all("incorporationDate").stream()
          .map(FtmImporter::date)
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(d -> o.put("registeredOn", d.toString()));
    }
    o.put("ftmSchema", e.schema());
    joined(e, "country").ifPresent(v -> o.put("country", v));
    joined(e, "topics").ifPresent(v -> o.put("topics", v));
    if (kind.get() != SubjectKind.PERSON) {
      e.first("registrationNumber")
          .filter(v -> !(key instanceof SubjectKey.Org org && org.uscc().value().equals(v)))
          .ifPresent(v -> o.put("registrationNumber", v));
    }
    write(out, o);
    return 1;
  }

  // ---- relations

  private int relation(
      FtmEntity e,
      Map<String, String> schemaOf,
      Writer out,
      List<Skipped> skipped,
      long n,
      Map<String, ObjectNode> holdings) {
    String s = e.schema();
    String fromProp;
    String toProp;
    RelationType rel;
    switch (s) {
      case "Ownership" -> {
        fromProp = "owner";
        toProp = "asset";
        rel = RelationType.SHAREHOLDER;
      }
      case "Directorship" -> {
        fromProp = "director";
        toProp = "organization";
        String director = e.first("director").orElse("");
        boolean person =
            mapping.kindOf(schemaOf.getOrDefault(director, "Person")).orElse(SubjectKind.PERSON)
                == SubjectKind.PERSON;
        rel = mapping.directorship(e.first("role").orElse(null), person);
      }
      case "Family" -> {
        fromProp = "person";
        toProp = "relative";
        rel = RelationType.RELATIVE_OF;
      }
      default -> {
        Optional<List<String>> link = mapping.link(s);
        if (link.isEmpty()) {
          return 0;
        }
        fromProp = link.get().get(0);
        toProp = link.get().get(1);
        rel = RelationType.LINKED_TO;
      }
    }
    Optional<String> from = e.first(fromProp);
    Optional<String> to = e.first(toProp);
    if (from.isEmpty() || to.isEmpty()) {
      skipped.add(new Skipped(n, e.id(), s + " without " + (from.isEmpty() ? fromProp : toProp)));
      return 0;
    }
    if (from.get().equals(to.get()) && rel != RelationType.SHAREHOLDER) {
      skipped.add(new Skipped(n, e.id(), s + " from an entity to itself"));
      return 0;
    }
    ObjectNode o = line("relation").put("rel", rel.name());
    try {
      keyFields(o.putObject("from"), key(from.get()));
      keyFields(o.putObject("to"), key(to.get()));
    } catch (ValidationException ex) {
      skipped.add(new Skipped(n, e.id(), ex.getMessage()));
      return 0;
    }
    Optional<LocalDate> since =
        e.all("startDate").stream().map(FtmImporter::date).flatMap(Optional::stream).findFirst();
    o.put("since", since.orElse(mapping.unknownDate()).toString());
    e.all("endDate").stream()
        .map(FtmImporter::date)
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(d -> o.put("until", d.toString()));
    if (rel == RelationType.SHAREHOLDER) {
      Optional<String> pct = e.first("percentage");
      Optional<Double> ratio = pct.flatMap(FtmImporter::ratio);
      ratio.ifPresent(r -> o.put("ratio", r));
      if (pct.isPresent() && ratio.isEmpty()) {
        o.put("percentage", pct.get());
      }
      e.first("sharesCount").ifPresent(v -> o.put("sharesCount", v));
    }
    o.put("ftmSchema", s);
    o.put("ftmId", e.id());
    e.first("role").ifPresent(v -> o.put("role", v));
    e.first("relationship").ifPresent(v -> o.put("relation", v));
    if (since.isEmpty()) {
      o.put("datesUnknown", "true");
    }
    if (rel == RelationType.SHAREHOLDER) {
      // statements of one holding with the same start (registry snapshots) are one relation in the
      // exchange format:
      // the one still open, else the one that ended last, is kept; the others are reported
      String id = o.get("from").toString() + o.get("to") + o.get("since");
      ObjectNode prior = holdings.get(id);
      if (prior == null) {
        holdings.put(id, o);
      } else {
        boolean newer =
            !o.has("until")
                || prior.has("until")
                    && o.get("until").asText().compareTo(prior.get("until").asText()) > 0;
        ObjectNode kept = newer ? o : prior;
        ObjectNode dropped = newer ? prior : o;
        holdings.put(id, kept);
        skipped.add(
            new Skipped(
                n,
                dropped.get("ftmId").asText(),
                "Ownership with the same owner, asset and start "
                    + "date as "
                    + kept.get("ftmId").asText()
                    + ", which is kept (it "
                    + (kept.has("until") ? "ended later)" : "is still open)")));
      }
      return 0;
    }
    write(out, o);
    return 1;
  }

  // ---- records

  private int records(
      FtmEntity e, Set<String> sanctioned, Writer out, List<Skipped> skipped, long n) {
    if ("Sanction".equals(e.schema())) {
      Optional<String> target = e.first("entity");
      if (target.isEmpty()) {
        skipped.add(new Skipped(n, e.id(), "Sanction without entity"));
        return 0;
      }
      String list = mapping.sanctionList(e.properties());
      ObjectNode o = line("record").put("id", e.id());
      try {
        keyFields(o.putObject("subject"), key(target.get()));
      } catch (ValidationException ex) {
        skipped.add(new Skipped(n, e.id(), ex.getMessage()));
        return 0;
      }
      o.put("list", list);
      o.put("decisionNo", e.first("recordId").orElse(""));
      o.put("basis", e.first("program").orElse(""));
      Optional<LocalDate> listed = firstDate(e, "listingDate");
      Optional<LocalDate> start = firstDate(e, "startDate");
      Optional<LocalDate> decided =
          listed.or(() -> start).or(() -> e.firstSeen().flatMap(FtmImporter::date));
      o.put("decidedOn", decided.orElse(mapping.unknownDate()).toString());
      start.ifPresent(d -> o.put("effectiveFrom", d.toString()));
      firstDate(e, "endDate").ifPresent(d -> o.put("effectiveUntil", d.toString()));
      o.put("ftmSchema", "Sanction");
      e.first("authority").ifPresent(v -> o.put("authority", v));
      e.first("programId")
          .filter(v -> !v.equals("CN-" + list))
          .ifPresent(v -> o.put("programId", v));
      joined(e, "reason").ifPresent(v -> o.put("reason", v));
      joined(e, "provisions").ifPresent(v -> o.put("provisions", v));
      e.first("sourceUrl").ifPresent(v -> o.put("sourceUrl", v));
      if (decided.isEmpty()) {
        o.put("datesUnknown", "true");
      }
      write(out, o);
      return 1;
    }
    if (mapping.kindOf(e.schema()).isEmpty()) {
      return 0;
    }
    int count = 0;
    Set<String> done = new HashSet<>();
    for (String topic : e.all("topics")) {
      Optional<String> list = mapping.topicList(topic);
      if (list.isEmpty()
          || sanctioned.contains(e.id() + "|" + list.get())
          || !done.add(list.get())) {
        continue;
      }
      ObjectNode o = line("record").put("id", topicRecordId(e.id(), list.get()));
      try {
        keyFields(o.putObject("subject"), key(e.id()));
      } catch (ValidationException ex) {
        return count;
      }
      Optional<LocalDate> seen = e.firstSeen().flatMap(FtmImporter::date);
      o.put("list", list.get());
      o.put("decisionNo", "");
      o.put("basis", "FtM topic " + topic);
      o.put("decidedOn", seen.orElse(mapping.unknownDate()).toString());
      o.put("ftmSchema", "Sanction");
      if (seen.isEmpty()) {
        o.put("datesUnknown", "true");
      }
      write(out, o);
      count++;
    }
    return count;
  }

  // ---- helpers

  /**
   * The id of the record a topic makes: {@code ftm-topic-<hash of the entity id>-<LIST>}, stable
   * across imports and free of the entity id (a person's id must not travel in a record id).
   */
  static String topicRecordId(String entityId, String list) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(entityId.getBytes(StandardCharsets.UTF_8));
      return "ftm-topic-" + java.util.HexFormat.of().formatHex(d, 0, 8) + "-" + list;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The key an FtM id stands for: our own natural keys for the ids the exporter writes, else an
   * external key.
   */
  SubjectKey key(String id) {
    if (id.startsWith(USCC_PREFIX)) {
      return SubjectKey.uscc(id.substring(USCC_PREFIX.length()));
    }
    if (id.startsWith(ID_PREFIX)) {
      String rest = id.substring(ID_PREFIX.length());
      int dash = rest.indexOf('-');
      if (dash <= 0) {
        throw new ValidationException("id", "an id cn-id-<idType>-<number> needs both parts");
      }
      return SubjectKey.person(rest.substring(0, dash), rest.substring(dash + 1));
    }
    return SubjectKey.external(mapping.scheme(), id);
  }

  static void keyFields(ObjectNode o, SubjectKey key) {
    if (key instanceof SubjectKey.Org org) {
      o.put("uscc", org.uscc().value());
    } else if (key instanceof SubjectKey.Person p) {
      o.put("idNumber", p.idNumber());
      if (!SubjectKey.Person.RESIDENT_ID.equals(p.idType())) {
        o.put("idType", p.idType());
      }
    } else {
      SubjectKey.External x = (SubjectKey.External) key;
      o.put("scheme", x.scheme());
      o.put("externalId", x.externalId());
    }
  }

  private ObjectNode line(String type) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("department", mapping.department());
    return o;
  }

  private void write(Writer out, ObjectNode o) {
    try {
      out.write(json.writeValueAsString(o));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(Path file, List<Skipped> bad, Consumer<FtmEntity> action) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String text;
      long n = 0;
      while ((text = r.readLine()) != null) {
        n++;
        if (text.isBlank()) {
          continue;
        }
        FtmEntity e;
        try {
          e = FtmEntity.parse(json, text);
        } catch (ValidationException ex) {
          bad.add(new Skipped(n, "", ex.field().orElse("line") + ": " + ex.getMessage()));
          continue;
        }
        action.accept(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> joined(FtmEntity e, String property) {
    List<String> v = e.all(property);
    return v.isEmpty() ? Optional.empty() : Optional.of(String.join(";", v));
  }

  private static Optional<LocalDate> firstDate(FtmEntity e, String property) {
    return e.all(property).stream().map(FtmImporter::date).flatMap(Optional::stream).findFirst();
  }

  /**
   * A full date (FtM dates may be partial, {@code 2005} or {@code 2005-11}, or carry a time): empty
   * otherwise.
   */
  static Optional<LocalDate> date(String raw) {
    if (raw == null || raw.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(raw.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A percentage ({@code 49}, {@code 33.5}, {@code 12,5 %}) as a ratio in (0, 1]; empty when it is
   * not one.
   */
  static Optional<Double> ratio(String percentage) {
    String t = percentage.replace("%", "").replace(',', '.').strip();
    try {
      BigDecimal p = new BigDecimal(t);
      if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
        return Optional.empty();
      }
      return Optional.of(p.movePointLeft(2).doubleValue());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code raw} is a valid USCC (for tests and the exporter). */
  static boolean isUscc(String raw) {
    return Uscc.isValid(raw);
  }
}
