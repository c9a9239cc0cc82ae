package io.credgraph.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.CredgraphException;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.model.ListKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of lists, read from a YAML data file ({@code lists.yaml}) and validated when
 * loaded: a wrong entry fails with a message naming the file, the list and the field. More lists
 * can be added as data.
 */
public final class ListCatalogue {
  /** Classpath resource of the default catalogue (DOMAIN.md section 4). */
  public static final String DEFAULT_RESOURCE = "/io/credgraph/catalogue/lists.yaml";

  private final String version;
  private final Map<String, ListDefinition> lists;
  private final Map<String, ListSettings> settings = new java.util.HashMap<>();

  private ListCatalogue(String version, Map<String, ListDefinition> lists) {
    this.version = version;
    this.lists = lists;
  }

  /**
   * The repair and objection settings of a list (DOMAIN.md 4); for ADMINISTRATIVE_PENALTY those of
   * the record's severity. A list without settings is not repairable and has the default days.
   */
  public ListSettings settings(String code, Optional<String> severity) {
    ListSettings s = severity.map(v -> settings.get(code + "/" + v)).orElse(null);
    if (s == null) {
      s = settings.get(code);
    }
    return s == null ? ListSettings.defaults() : s;
  }

  private static ListSettings settings(JsonNode n, ListSettings base) {
    for (java.util.Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!java.util.Set.of(
              "repairable",
              "minPublication",
              "maxPublication",
              "objectionDays",
              "repairDecisionDays",
              "bySeverity")
          .contains(k)) {
        throw new ValidationException(
            "settings." + k,
            "unknown field '"
                + k
                + "' (allowed: bySeverity, "
                + "maxPublication, minPublication, objectionDays, repairable, repairDecisionDays)");
      }
    }
    return new ListSettings(
        n.path("repairable").asBoolean(base.repairable()),
        n.has("minPublication")
            ? Optional.of(period(n.path("minPublication"), "minPublication"))
            : base.minPublication(),
        n.has("maxPublication")
            ? Optional.of(period(n.path("maxPublication"), "maxPublication"))
            : base.maxPublication(),
        n.path("objectionDays").asInt(base.objectionDays()),
        n.path("repairDecisionDays").asInt(base.repairDecisionDays()));
  }

  private static java.time.Period period(JsonNode v, String field) {
    try {
      return java.time.Period.parse(v.asText());
    } catch (java.time.format.DateTimeParseException e) {
      throw new ValidationException(
          "settings." + field, "'" + v.asText() + "' is not a period such as P1Y or P3M");
    }
  }

  public static ListCatalogue defaults() {
    try (InputStream in = ListCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new CredgraphException(
            "the default list catalogue " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return read(in, "lists.yaml (built in)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ListCatalogue load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new CredgraphException("cannot read list catalogue " + file + ": " + e.getMessage(), e);
    }
  }

  static ListCatalogue read(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = Jsons.yaml().readTree(in);
    } catch (IOException e) {
      throw new CredgraphException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("lists").isArray()) {
      throw new CredgraphException(source + ": expected a top-level 'lists:' sequence");
    }
    String version = root.path("version").asText("");
    Map<String, ListDefinition> lists = new LinkedHashMap<>();
    Map<String, ListSettings> pendingSettings = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode n : root.path("lists")) {
      index++;
      String code = n.path("code").asText(null);
      String where = source + ": list " + (code == null ? "#" + index : code);
      try {
        ListKind kind;
        try {
          kind = ListKind.valueOf(n.path("kind").asText("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new ValidationException(
              "kind",
              "kind '" + n.path("kind").asText("") + "' is not one of BLACK, RED, WATCH, EVENT");
        }
        List<String> fields = new ArrayList<>();
        n.path("fields").forEach(f -> fields.add(f.asText()));
        ListDefinition def =
            new ListDefinition(
                code,
                n.path("name").asText(null),
                kind,
                n.path("issuer").asText(""),
                fields,
                n.path("severity").asDouble(0),
                n.path("objectedInForce").asBoolean(true));
        if (lists.putIfAbsent(def.code(), def) != null) {
          throw new ValidationException("code", "list code " + def.code() + " appears twice");
        }
        if (n.has("settings")) {
          ListSettings base = settings(n.path("settings"), ListSettings.defaults());
          pendingSettings.put(def.code(), base);
          for (java.util.Iterator<Map.Entry<String, JsonNode>> it =
                  n.path("settings").path("bySeverity").properties().iterator();
              it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            pendingSettings.put(def.code() + "/" + e.getKey(), settings(e.getValue(), base));
          }
        }
      } catch (ValidationException e) {
        throw new CredgraphException(
            where + ", field " + e.field().orElse("?") + ": " + e.getMessage(), e);
      }
    }
    ListCatalogue out = new ListCatalogue(version, Map.copyOf(lists));
    out.settings.putAll(pendingSettings);
    return out;
  }

  public String version() {
    return version;
  }

  public Optional<ListDefinition> find(String code) {
    return Optional.ofNullable(code == null ? null : lists.get(code));
  }

  /** The list with this code, or a validation error that names the known codes. */
  public ListDefinition require(String code) {
    ListDefinition d = code == null ? null : lists.get(code);
    if (d == null) {
      throw new ValidationException(
          "list",
          "unknown list '"
              + code
              + "' (known: "
              + String.join(", ", lists.keySet().stream().sorted().toList())
              + ")");
    }
    return d;
  }

  public Collection<ListDefinition> all() {
    return lists.values().stream()
        .sorted(java.util.Comparator.comparing(ListDefinition::code))
        .toList();
  }
}
