package io.credgraph.datasets.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKey;
import io.credgraph.model.SubjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The editable mapping from FollowTheMoney entities to the exchange format (the default is {@code
 * io/credgraph/datasets/ftm/mapping.yaml}; its comments say what each part means). Validated when
 * read: an unknown kind, relation type or list, or a pattern that does not compile, is an error
 * naming the file and the entry.
 */
public final class FtmMapping {
  public static final String DEFAULT = "/io/credgraph/datasets/ftm/mapping.yaml";

  /** A directorship role rule. */
  public record RoleRule(Pattern match, RelationType rel) {}

  /**
   * A sanction rule: a property's value matching {@code match} puts the record on {@code list} (or
   * the named group).
   */
  public record SanctionRule(String property, Pattern match, Optional<String> list) {}

  private final String source;
  private final String scheme;
  private final String department;
  private final LocalDate unknownDate;
  private final Map<String, SubjectKind> subjects;
  private final RelationType directorshipDefault;
  private final List<RoleRule> roles;
  private final Map<String, List<String>> links;
  private final String sanctionDefault;
  private final List<SanctionRule> sanctionRules;
  private final Map<String, String> topics;
  private final ListCatalogue lists;

  private FtmMapping(String source, JsonNode root, ListCatalogue lists) {
    this.source = source;
    this.lists = lists;
    this.scheme = SubjectKey.external(text(root, "scheme", "ftm"), "x").scheme();
    this.department = text(root, "department", "FOREIGN_IMPORT");
    try {
      this.unknownDate = LocalDate.parse(text(root, "unknownDate", "1900-01-01"));
    } catch (DateTimeParseException e) {
      throw error("unknownDate", "not a date YYYY-MM-DD");
    }
    this.subjects = new LinkedHashMap<>();
    root.path("subjects")
        .properties()
        .forEach(
            e ->
                subjects.put(
                    e.getKey(),
                    enumOf(SubjectKind.class, e.getValue().asText(), "subjects." + e.getKey())));
    if (subjects.isEmpty()) {
      throw error(
          "subjects",
          "map at least one FtM schema to a subject kind (Person: PERSON, Company: ENTERPRISE)");
    }
    JsonNode d = root.path("directorship");
    this.directorshipDefault =
        enumOf(RelationType.class, d.path("default").asText("LINKED_TO"), "directorship.default");
    this.roles = new ArrayList<>();
    int i = 0;
    for (JsonNode r : d.path("roles")) {
      String at = "directorship.roles[" + i++ + "]";
      roles.add(
          new RoleRule(
              pattern(r.path("match").asText(), at + ".match"),
              enumOf(RelationType.class, r.path("rel").asText(), at + ".rel")));
    }
    this.links = new LinkedHashMap<>();
    root.path("links")
        .properties()
        .forEach(
            e -> {
              if (!e.getValue().isArray() || e.getValue().size() != 2) {
                throw error("links." + e.getKey(), "give [from property, to property]");
              }
              links.put(
                  e.getKey(), List.of(e.getValue().get(0).asText(), e.getValue().get(1).asText()));
            });
    JsonNode s = root.path("sanctions");
    this.sanctionDefault = list(s.path("default").asText("FOREIGN_SANCTION"), "sanctions.default");
    this.sanctionRules = new ArrayList<>();
    i = 0;
    for (JsonNode r : s.path("rules")) {
      String at = "sanctions.rules[" + i++ + "]";
      Pattern p = pattern(r.path("match").asText(), at + ".match");
      Optional<String> l =
          r.hasNonNull("list")
              ? Optional.of(list(r.get("list").asText(), at + ".list"))
              : Optional.empty();
      if (l.isEmpty() && !p.pattern().contains("(?<list>")) {
        throw error(at, "a rule needs a list, or a pattern with a named group (?<list>...)");
      }
      sanctionRules.add(new SanctionRule(r.path("property").asText("authority"), p, l));
    }
    this.topics = new LinkedHashMap<>();
    root.path("topics")
        .properties()
        .forEach(e -> topics.put(e.getKey(), list(e.getValue().asText(), "topics." + e.getKey())));
  }

  /** The default mapping. */
  public static FtmMapping defaults(ListCatalogue lists) {
    try (InputStream in = FtmMapping.class.getResourceAsStream(DEFAULT)) {
      return new FtmMapping("mapping.yaml (default)", Jsons.yaml().readTree(in), lists);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mapping file. */
  public static FtmMapping read(Path file, ListCatalogue lists) {
    if (!Files.isRegularFile(file)) {
      throw new ValidationException("mapping", "no mapping file " + file);
    }
    try {
      JsonNode root = Jsons.yaml().readTree(file.toFile());
      if (root == null || !root.isObject()) {
        throw new ValidationException(
            "mapping", file + ": a mapping is a YAML map (see the default mapping.yaml)");
      }
      return new FtmMapping(file.toString(), root, lists);
    } catch (IOException e) {
      throw new ValidationException("mapping", file + ": not YAML: " + e.getMessage());
    }
  }

  public String scheme() {
    return scheme;
  }

  public String department() {
    return department;
  }

  public LocalDate unknownDate() {
    return unknownDate;
  }

  public Optional<SubjectKind> kindOf(String schema) {
    return Optional.ofNullable(subjects.get(schema));
  }

  /** The relation type of a directorship with {@code role} whose director is a person or not. */
  public RelationType directorship(String role, boolean directorIsPerson) {
    if (!directorIsPerson) {
      return directorshipDefault;
    }
    for (RoleRule r : roles) {
      if (role != null && r.match().matcher(role).find()) {
        return r.rel();
      }
    }
    return directorshipDefault;
  }

  /**
   * The [from, to] properties of a link schema, or empty when the schema is not a link this mapping
   * imports.
   */
  public Optional<List<String>> link(String schema) {
    return Optional.ofNullable(links.get(schema));
  }

  /** The list of a Sanction entity, from its properties (first values). */
  public String sanctionList(Map<String, List<String>> properties) {
    for (SanctionRule r : sanctionRules) {
      for (String v : properties.getOrDefault(r.property(), List.of())) {
        Matcher m = r.match().matcher(v);
        if (m.find()) {
          if (r.list().isPresent()) {
            return r.list().get();
          }
          String named = m.group("list");
          if (named != null && lists.find(named).isPresent()) {
            return named;
          }
        }
      }
    }
    return sanctionDefault;
  }

  /** The list a topic puts an entity on, if any. */
  public Optional<String> topicList(String topic) {
    return Optional.ofNullable(topics.get(topic));
  }

  private String list(String code, String at) {
    if (lists.find(code).isEmpty()) {
      throw error(at, "unknown list '" + code + "' (add it to the list catalogue first)");
    }
    return code;
  }

  private <E extends Enum<E>> E enumOf(Class<E> type, String value, String at) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw error(at, "'" + value + "' is not one of " + names);
    }
  }

  private Pattern pattern(String p, String at) {
    if (p == null || p.isEmpty()) {
      throw error(at, "a rule needs a pattern");
    }
    try {
      return Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw error(at, "not a regular expression: " + e.getDescription());
    }
  }

  private static String text(JsonNode root, String field, String def) {
    JsonNode v = root.get(field);
    return v == null || v.isNull() ? def : v.asText();
  }

  private ValidationException error(String at, String reason) {
    return new ValidationException(at, source + ": " + at + ": " + reason);
  }
}
