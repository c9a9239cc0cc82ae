package io.credgraph.datasets.icij;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Imports the ICIJ Offshore Leaks database in its CSV layout (a folder with {@code
 * nodes-entities.csv}, {@code nodes-officers.csv}, {@code nodes-intermediaries.csv}, {@code
 * nodes-addresses.csv} and {@code relationships.csv}) into the investigation graph, as one exchange
 * batch (docs/FORMATS.md):
 *
 * <ul>
 *   <li>entities and intermediaries are ENTERPRISE subjects, officers PERSON subjects unless their
 *       name is a company's ({@link #COMPANY_NAME}), all keyed {@code {"scheme": "icij",
 *       "externalId": <node_id>}};
 *   <li>addresses are not subjects: the text of a subject's {@code registered_address} becomes its
 *       {@code address} attribute;
 *   <li>every other relationship is a LINKED_TO relation with the ICIJ {@code rel_type} and {@code
 *       link} kept: for exploration and paths only, never a control relation, so no sanction
 *       travels along it (a leak is not a register: "shareholder of" in a leaked document is not a
 *       recorded holding).
 * </ul>
 *
 * Dates such as {@code 23-MAR-2006} or {@code 2006-03-23} are read; a relation without a start date
 * gets {@code unknownDate} and the attribute {@code datesUnknown}. Bad rows are skipped with file,
 * line and reason.
 */
public final class IcijImporter {
  public static final String SCHEME = "icij";
  public static final String DEPARTMENT = "ICIJ_OFFSHORE_LEAKS";
  static final List<String> NODE_FILES =
      List.of(
          "nodes-entities.csv",
          "nodes-officers.csv",
          "nodes-intermediaries.csv",
          "nodes-addresses.csv");

  /** Officers whose name says they are a company, trust or foundation are organisations. */
  static final Pattern COMPANY_NAME =
      Pattern.compile(
          "(?i)\\b(limited|ltd|inc|incorporated|corp|corporation|"
              + "company|co\\.|llc|l\\.l\\.c|s\\.a\\.|sa|ag|gmbh|bv|b\\.v\\.|nv|plc|trust|trustees?|foundation|holdings?|"
              + "nominees?|services|bearer|establishment|anstalt|stiftung|partners|lp|sarl|s\\.r\\.l|srl)\\b\\.?");

  private static final DateTimeFormatter ICIJ_DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("dd-MMM-yyyy")
          .toFormatter(Locale.ENGLISH);

  /** A row that produced no line, with why. */
  public record Skipped(String file, long line, String reason) {}

  /** What an import wrote. */
  public record Summary(
      Path batch,
      Map<String, Integer> subjects,
      long relations,
      long addresses,
      List<Skipped> skipped) {
    public String text() {
      return String.format(
          "ICIJ Offshore Leaks: subjects %s, %,d relations (LINKED_TO), %,d subjects with an "
              + "address, in %s; %,d rows skipped",
          subjects, relations, addresses, batch.getFileName(), skipped.size());
    }
  }

  private final LocalDate unknownDate;
  private final ObjectMapper json = Jsons.plain();

  public IcijImporter(LocalDate unknownDate) {
    this.unknownDate = unknownDate;
  }

  public IcijImporter() {
    this(LocalDate.of(1900, 1, 1));
  }

  /** Converts the CSV files in {@code dir} into {@code outDir/icij-<dir name>.jsonl}. */
  public Summary convert(Path dir, Path outDir) {
    for (String f : List.of("nodes-entities.csv", "nodes-officers.csv", "relationships.csv")) {
      if (!Files.isRegularFile(dir.resolve(f))) {
        throw new ValidationException(
            "dir",
            dir
                + " has no "
                + f
                + " (the ICIJ Offshore Leaks CSV layout: "
                + String.join(", ", NODE_FILES)
                + ", relationships.csv)");
      }
    }
    Path batch =
        outDir.resolve("icij-" + dir.toAbsolutePath().normalize().getFileName() + ".jsonl");
    List<Skipped> skipped = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> addresses = new HashMap<>();
    Map<String, ObjectNode> subjects = new LinkedHashMap<>();
    long relations = 0;
    long addressed = 0;
    try {
      for (String f : NODE_FILES) {
        Path p = dir.resolve(f);
        if (!Files.isRegularFile(p)) {
          continue;
        }
        rows(p, skipped, (row, line) -> node(f, row, line, subjects, addresses, counts, skipped));
      }
      Files.createDirectories(outDir);
      List<ObjectNode> links = new ArrayList<>();
      rows(
          dir.resolve("relationships.csv"),
          skipped,
          (row, line) -> {
            String from = row.getOrDefault("node_id_start", "");
            String to = row.getOrDefault("node_id_end", "");
            String type = row.getOrDefault("rel_type", "").strip();
            if (from.isBlank() || to.isBlank()) {
              skipped.add(
                  new Skipped(
                      "relationships.csv", line, "node_id_start and node_id_end are required"));
              return;
            }
            if (addresses.containsKey(to) && subjects.containsKey(from)) {
              ObjectNode s = subjects.get(from);
              String prior = s.path("address").asText("");
              if (!prior.contains(addresses.get(to))) {
                s.put(
                    "address",
                    prior.isEmpty() ? addresses.get(to) : prior + "; " + addresses.get(to));
              }
              return;
            }
            if (addresses.containsKey(from) || addresses.containsKey(to)) {
              skipped.add(
                  new Skipped(
                      "relationships.csv",
                      line,
                      "a relationship of an address other than a subject's "
                          + "registered address ("
                          + type
                          + ")"));
              return;
            }
            if (from.equals(to)) {
              skipped.add(
                  new Skipped("relationships.csv", line, "a relationship from a node to itself"));
              return;
            }
            ObjectNode o = line("relation");
            o.put("rel", "LINKED_TO");
            o.putObject("from").put("scheme", SCHEME).put("externalId", from.strip());
            o.putObject("to").put("scheme", SCHEME).put("externalId", to.strip());
            Optional<LocalDate> since = date(row.get("start_date"));
            Optional<LocalDate> until = date(row.get("end_date"));
            o.put("since", since.orElse(unknownDate).toString());
            until
                .filter(u -> !u.isBefore(since.orElse(unknownDate)))
                .ifPresent(u -> o.put("until", u.toString()));
            o.put("relation", type.isEmpty() ? "connected_to" : type);
            put(o, "link", row.get("link"));
            put(o, "status", row.get("status"));
            put(o, "sourceID", row.get("sourceID"));
            if (since.isEmpty()) {
              o.put("datesUnknown", "true");
            }
            links.add(o);
          });
      try (BufferedWriter out = Files.newBufferedWriter(batch, StandardCharsets.UTF_8)) {
        for (ObjectNode s : subjects.values()) {
          addressed += s.has("address") ? 1 : 0;
          write(out, s);
        }
        for (ObjectNode l : links) {
          write(out, l);
          relations++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(batch, counts, relations, addressed, skipped);
  }

  private void node(
      String file,
      Map<String, String> row,
      long line,
      Map<String, ObjectNode> subjects,
      Map<String, String> addresses,
      Map<String, Integer> counts,
      List<Skipped> skipped) {
    String id = row.getOrDefault("node_id", "").strip();
    if (id.isEmpty()) {
      skipped.add(new Skipped(file, line, "node_id is required"));
      return;
    }
    if (file.equals("nodes-addresses.csv")) {
      String text =
          Optional.ofNullable(row.get("address"))
              .filter(a -> !a.isBlank())
              .orElse(row.getOrDefault("name", ""))
              .strip();
      if (!text.isEmpty()) {
        addresses.put(id, text);
      }
      return;
    }
    String name = row.getOrDefault("name", "").strip();
    if (name.isEmpty()) {
      skipped.add(new Skipped(file, line, "node " + id + " has no name"));
      return;
    }
    if (subjects.containsKey(id)) {
      skipped.add(new Skipped(file, line, "node " + id + " appears twice; the first is kept"));
      return;
    }
    SubjectKind kind;
    String icijType;
    switch (file) {
      case "nodes-entities.csv" -> {
        kind = SubjectKind.ENTERPRISE;
        icijType = "entity";
      }
      case "nodes-intermediaries.csv" -> {
        kind = SubjectKind.ENTERPRISE;
        icijType = "intermediary";
      }
      default -> {
        kind = COMPANY_NAME.matcher(name).find() ? SubjectKind.ENTERPRISE : SubjectKind.PERSON;
        icijType = "officer";
      }
    }
    try {
      SubjectKey.external(SCHEME, id);
    } catch (ValidationException e) {
      skipped.add(new Skipped(file, line, e.getMessage()));
      return;
    }
    ObjectNode o = line("subject");
    o.put("kind", kind.name());
    o.put("scheme", SCHEME);
    o.put("externalId", id);
    o.put("name", name);
    o.put("icijType", icijType);
    if (kind == SubjectKind.ENTERPRISE) {
      date(row.get("incorporation_date")).ifPresent(d -> o.put("registeredOn", d.toString()));
      put(o, "jurisdiction", row.get("jurisdiction_description"));
      put(o, "companyType", row.get("company_type"));
      put(o, "icijStatus", row.get("status"));
      put(o, "address", row.get("address"));
    }
    put(o, "countries", row.get("countries"));
    put(o, "sourceID", row.get("sourceID"));
    subjects.put(id, o);
    counts.merge(
        switch (icijType) {
          case "entity" -> "entities";
          case "intermediary" -> "intermediaries";
          default -> "officers";
        },
        1,
        Integer::sum);
  }

  private interface Row {
    void accept(Map<String, String> row, long line);
  }

  private static void rows(Path file, List<Skipped> skipped, Row action) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(r)) {
      List<String> header = csv.next();
      if (header == null) {
        return;
      }
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      List<String> row;
      while (true) {
        try {
          row = csv.next();
        } catch (IOException e) {
          skipped.add(new Skipped(file.getFileName().toString(), csv.line(), e.getMessage()));
          return;
        }
        if (row == null) {
          return;
        }
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue;
        }
        if (row.size() != header.size()) {
          skipped.add(
              new Skipped(
                  file.getFileName().toString(),
                  csv.line(),
                  row.size() + " fields where the header " + "has " + header.size()));
          continue;
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i).strip(), row.get(i));
        }
        action.accept(m, csv.line());
      }
    }
  }

  private ObjectNode line(String type) {
    ObjectNode o = json.createObjectNode();
    o.put("type", type);
    o.put("department", DEPARTMENT);
    return o;
  }

  private static void put(ObjectNode o, String field, String value) {
    if (value != null && !value.isBlank()) {
      o.put(field, value.strip());
    }
  }

  private void write(Writer out, ObjectNode o) throws IOException {
    out.write(json.writeValueAsString(o));
    out.write('\n');
  }

  /** {@code 23-MAR-2006}, {@code 2006-03-23} (or with a time); empty when blank or not a date. */
  static Optional<LocalDate> date(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String t = raw.strip();
    try {
      return Optional.of(LocalDate.parse(t, ICIJ_DATE));
    } catch (DateTimeParseException e) {
      // try ISO
    }
    try {
      return Optional.of(LocalDate.parse(t.length() >= 10 ? t.substring(0, 10) : t));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
