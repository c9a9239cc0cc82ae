package io.credgraph.datasets.ftm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.credgraph.Jsons;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.Relation;
import io.credgraph.model.RelationType;
import io.credgraph.model.Subject;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import io.credgraph.store.GraphStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the graph as FollowTheMoney entities (JSON lines) that OpenSanctions tooling such as yente
 * can index (docs/FORMATS.md): subjects as Person, Company, Organization or PublicBody; SHAREHOLDER
 * as Ownership, officer relations as Directorship, RELATIVE_OF as Family, every other relation as
 * UnknownLink (or the link schema it was imported from); records as Sanction entities.
 *
 * <p>Public (the default): persons are masked: their id is {@code cn-subject-<opaque subject id>}
 * and no document number or external id of theirs is written; records are those of the published
 * (RED and BLACK) lists in force on the day of the export, and those of foreign lists (public data
 * already). Internal ({@code internal = true}): every subject under its own id ({@code
 * cn-uscc-<USCC>}, {@code cn-id-<idType>-<number>}, or its external id) and every record, so that
 * importing the export gives the same graph.
 */
public final class FtmExporter {
  /** What an export wrote. */
  public record Summary(Path file, long subjects, long relations, long records) {
    public String text() {
      return String.format(
          "%,d subjects, %,d relations, %,d records as FtM entities in %s",
          subjects, relations, records, file);
    }
  }

  private final GraphStore store;
  private final ListCatalogue lists;
  private final boolean internal;
  private final LocalDate asOf;
  private final ObjectMapper json = Jsons.plain();

  public FtmExporter(GraphStore store, ListCatalogue lists, boolean internal, LocalDate asOf) {
    this.store = store;
    this.lists = lists;
    this.internal = internal;
    this.asOf = asOf;
  }

  public Summary export(Path file) {
    Map<String, String> ids = new HashMap<>();
    Map<String, SubjectKind> kinds = new HashMap<>();
    long[] n = new long[3];
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        List<FtmEntity> batch = new ArrayList<>();
        store.forEachSubject(
            s -> {
              ids.put(s.key().canonical(), id(s));
              kinds.put(s.key().canonical(), s.kind());
              batch.add(subject(s));
            });
        for (FtmEntity e : batch) {
          write(out, e);
          n[0]++;
        }
        batch.clear();
        store.forEachRelation(r -> relation(r, ids, kinds).ifPresent(batch::add));
        for (FtmEntity e : batch) {
          write(out, e);
          n[1]++;
        }
        batch.clear();
        store.forEachRecord(r -> record(r, ids).ifPresent(batch::add));
        for (FtmEntity e : batch) {
          write(out, e);
          n[2]++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(file, n[0], n[1], n[2]);
  }

  private String id(Subject s) {
    SubjectKey k = s.key();
    if (s.kind() == SubjectKind.PERSON && !internal) {
      return "cn-subject-" + s.id().value();
    }
    if (k instanceof SubjectKey.Org o) {
      return FtmImporter.USCC_PREFIX + o.uscc().value();
    }
    if (k instanceof SubjectKey.Person p) {
      return FtmImporter.ID_PREFIX + p.idType() + "-" + p.idNumber();
    }
    SubjectKey.External x = (SubjectKey.External) k;
    return "ftm".equals(x.scheme()) ? x.externalId() : x.scheme() + "-" + x.externalId();
  }

  private FtmEntity subject(Subject s) {
    Map<String, String> a = s.attributes();
    String schema =
        a.getOrDefault(
            "ftmSchema",
            switch (s.kind()) {
              case PERSON -> "Person";
              case GOV_AGENCY -> "PublicBody";
              case ENTERPRISE -> "Company";
              default -> "Organization";
            });
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("name", List.of(s.name()));
    split(a.get("country")).ifPresent(v -> p.put("country", v));
    split(a.get("topics")).ifPresent(v -> p.put("topics", v));
    if (s.kind() != SubjectKind.PERSON) {
      s.registeredOn().ifPresent(d -> p.put("incorporationDate", List.of(d.toString())));
      Optional.ofNullable(a.get("registrationNumber"))
          .or(
              () ->
                  s.key() instanceof SubjectKey.Org o
                      ? Optional.of(o.uscc().value())
                      : Optional.empty())
          .ifPresent(v -> p.put("registrationNumber", List.of(v)));
      s.status().ifPresent(st -> p.put("status", List.of(st.name())));
    } else if (internal && s.key() instanceof SubjectKey.Person person) {
      p.put("idNumber", List.of(person.idNumber()));
    }
    return new FtmEntity(id(s), schema, Optional.of(s.name()), p, Optional.empty());
  }

  private Optional<FtmEntity> relation(
      Relation r, Map<String, String> ids, Map<String, SubjectKind> kinds) {
    String from = ids.get(r.from().canonical());
    String to = ids.get(r.to().canonical());
    if (from == null || to == null) {
      return Optional.empty();
    }
    Map<String, String> a = r.attributes();
    boolean unknownDates = "true".equals(a.get("datesUnknown"));
    Map<String, List<String>> p = new LinkedHashMap<>();
    String schema;
    switch (r.type()) {
      case SHAREHOLDER -> {
        schema = "Ownership";
        p.put("owner", List.of(from));
        p.put("asset", List.of(to));
        r.ratio()
            .ifPresent(
                x ->
                    p.put(
                        "percentage",
                        List.of(
                            BigDecimal.valueOf(x)
                                .movePointRight(2)
                                .stripTrailingZeros()
                                .toPlainString())));
        opt(a, "percentage").ifPresent(v -> p.put("percentage", List.of(v)));
        opt(a, "sharesCount").ifPresent(v -> p.put("sharesCount", List.of(v)));
      }
      case LEGAL_REP, DIRECTOR, SUPERVISOR, SENIOR_MANAGER, MAIN_RESPONSIBLE -> {
        schema = "Directorship";
        p.put("director", List.of(from));
        p.put("organization", List.of(to));
        p.put("role", List.of(a.getOrDefault("role", defaultRole(r.type()))));
      }
      case RELATIVE_OF -> {
        schema = "Family";
        p.put("person", List.of(from));
        p.put("relative", List.of(to));
      }
      default -> {
        schema = a.getOrDefault("ftmSchema", "UnknownLink");
        String[] props =
            switch (schema) {
              case "Directorship" -> new String[] {"director", "organization"};
              case "Ownership" -> new String[] {"owner", "asset"};
              case "Family" -> new String[] {"person", "relative"};
              case "Associate" -> new String[] {"person", "associate"};
              case "Membership" -> new String[] {"member", "organization"};
              case "Employment" -> new String[] {"employee", "employer"};
              case "Representation" -> new String[] {"agent", "client"};
              case "Succession" -> new String[] {"predecessor", "successor"};
              default -> new String[] {"subject", "object"};
            };
        if (!Arrays.asList(
                "Directorship",
                "Ownership",
                "Family",
                "Associate",
                "Membership",
                "Employment",
                "Representation",
                "Succession",
                "UnknownLink")
            .contains(schema)) {
          schema = "UnknownLink";
        }
        p.put(props[0], List.of(from));
        p.put(props[1], List.of(to));
        if (r.type() != RelationType.LINKED_TO && !a.containsKey("role")) {
          p.put("role", List.of(r.type().name()));
        }
      }
    }
    opt(a, "role").ifPresent(v -> p.put("role", List.of(v)));
    opt(a, "relation").ifPresent(v -> p.put("relationship", List.of(v)));
    if (!unknownDates) {
      p.put("startDate", List.of(r.since().toString()));
    }
    r.until().ifPresent(d -> p.put("endDate", List.of(d.toString())));
    String id =
        opt(a, "ftmId")
            .orElseGet(
                () ->
                    "cn-rel-"
                        + hash(
                            r.type()
                                + "|"
                                + r.from().canonical()
                                + "|"
                                + r.to().canonical()
                                + "|"
                                + r.since()));
    return Optional.of(new FtmEntity(id, schema, Optional.empty(), p, Optional.empty()));
  }

  private Optional<FtmEntity> record(CreditRecord r, Map<String, String> ids) {
    String subject = ids.get(r.subject().canonical());
    Optional<ListDefinition> def = lists.find(r.list());
    if (subject == null || def.isEmpty()) {
      return Optional.empty();
    }
    boolean foreign = r.list().startsWith("FOREIGN_");
    if (!internal && !foreign) {
      boolean published = def.get().kind() == ListKind.BLACK || def.get().kind() == ListKind.RED;
      RecordStatus status = r.statusOn(asOf);
      if (!published || !(status == RecordStatus.ACTIVE || status == RecordStatus.OBJECTED)) {
        return Optional.empty();
      }
    }
    Map<String, String> a = r.attributes();
    boolean unknownDates = "true".equals(a.get("datesUnknown"));
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("entity", List.of(subject));
    opt(a, "authority")
        .or(() -> foreign ? Optional.empty() : Optional.of(r.department()))
        .ifPresent(v -> p.put("authority", List.of(v)));
    if (!r.basis().isEmpty()) {
      p.put("program", List.of(r.basis()));
    }
    p.put("programId", List.of(a.getOrDefault("programId", "CN-" + r.list())));
    if (!r.decisionNo().isEmpty()) {
      p.put("recordId", List.of(r.decisionNo()));
    }
    if (!unknownDates) {
      p.put("listingDate", List.of(r.decidedOn().toString()));
      p.put("startDate", List.of(r.effectiveFrom().toString()));
    }
    r.effectiveUntil().ifPresent(d -> p.put("endDate", List.of(d.toString())));
    split(a.get("reason")).ifPresent(v -> p.put("reason", v));
    split(a.get("provisions")).ifPresent(v -> p.put("provisions", v));
    opt(a, "sourceUrl").ifPresent(v -> p.put("sourceUrl", List.of(v)));
    return Optional.of(new FtmEntity(r.id(), "Sanction", Optional.empty(), p, Optional.empty()));
  }

  private static String defaultRole(RelationType t) {
    return switch (t) {
      case LEGAL_REP -> "legal representative";
      case SUPERVISOR -> "supervisor";
      case SENIOR_MANAGER -> "senior manager";
      case MAIN_RESPONSIBLE -> "main responsible person";
      default -> "director";
    };
  }

  private static Optional<String> opt(Map<String, String> a, String key) {
    return Optional.ofNullable(a.get(key)).filter(v -> !v.isBlank());
  }

  private static Optional<List<String>> split(String joined) {
    return joined == null || joined.isBlank()
        ? Optional.empty()
        : Optional.of(List.of(joined.split(";")));
  }

  private void write(BufferedWriter out, FtmEntity e) throws IOException {
    out.write(json.writeValueAsString(e.toJson(json)));
    out.write('\n');
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
