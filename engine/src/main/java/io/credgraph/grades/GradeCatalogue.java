package io.credgraph.grades;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.CredgraphException;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.RecordStatus;
import io.credgraph.rules.Condition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The grading catalogue of credit classification supervision (信用分类监管, DOMAIN.md 9), read from a
 * YAML data file ({@code grades.yaml}) and validated when loaded: an error names the file, the
 * grade, the condition and the field. The first grade whose conditions hold on asOf applies; the
 * format is documented at the top of the built-in file.
 */
public final class GradeCatalogue {
  public static final String DEFAULT_RESOURCE = "/io/credgraph/catalogue/grades.yaml";

  private static final Set<String> GRADE_KEYS = Set.of("grade", "title", "anyOf", "otherwise");
  private static final Set<String> CONDITION_KEYS =
      Set.of(
          "id", "lists", "kinds", "where", "inForce", "decidedWithinMonths", "atLeast", "without");
  private static final Set<String> SELECTOR_KEYS =
      Set.of("lists", "kinds", "where", "inForce", "decidedWithinMonths");

  private final String version;
  private final List<GradeRule> grades;
  private final ListCatalogue lists;

  private GradeCatalogue(String version, List<GradeRule> grades, ListCatalogue lists) {
    this.version = version;
    this.grades = List.copyOf(grades);
    this.lists = lists;
  }

  /**
   * What a condition looks at: records on some lists (or list kinds), meeting field conditions, on
   * asOf.
   */
  record Selector(
      Set<String> lists,
      Set<ListKind> kinds,
      List<Condition> where,
      boolean inForce,
      OptionalInt decidedWithinMonths) {}

  /**
   * One condition: at least {@code atLeast} records the selector takes, and none that {@code
   * without} takes.
   */
  record GradeCondition(String id, Selector selector, int atLeast, Optional<Selector> without) {}

  record GradeRule(
      CreditGrade.Grade grade, String title, List<GradeCondition> anyOf, boolean otherwise) {}

  public static GradeCatalogue defaults(ListCatalogue lists) {
    try (InputStream in = GradeCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new CredgraphException(
            "the built-in grading catalogue " + DEFAULT_RESOURCE + " is not on the classpath");
      }
      return read(in, "grades.yaml (built in)", lists);
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read the built-in grading catalogue: " + e.getMessage(), e);
    }
  }

  public static GradeCatalogue load(Path file, ListCatalogue lists) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), lists);
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read grading catalogue " + file + ": " + e.getMessage(), e);
    }
  }

  public static GradeCatalogue read(InputStream in, String source, ListCatalogue lists) {
    JsonNode root;
    try {
      root = Jsons.yaml().readTree(in);
    } catch (IOException e) {
      throw new CredgraphException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path("grades").isArray()) {
      throw new CredgraphException(source + ": expected a top-level 'grades:' sequence");
    }
    if (root.path("version").asText("").isBlank()) {
      throw new CredgraphException(
          source + ": field version: the catalogue file needs a version (e.g. a date)");
    }
    List<GradeRule> out = new ArrayList<>();
    Set<CreditGrade.Grade> seen = EnumSet.noneOf(CreditGrade.Grade.class);
    Set<String> ids = new LinkedHashSet<>();
    int index = 0;
    for (JsonNode g : root.path("grades")) {
      index++;
      String where = source + ": grade " + g.path("grade").asText("#" + index);
      String field = "grade";
      try {
        onlyKeys(g, GRADE_KEYS, "");
        CreditGrade.Grade grade = enumOf(CreditGrade.Grade.class, g.path("grade"), "grade");
        if (!seen.add(grade)) {
          throw new ValidationException("grade", "grade " + grade + " appears twice");
        }
        boolean otherwise = g.path("otherwise").asBoolean(false);
        List<GradeCondition> anyOf = new ArrayList<>();
        int ci = 0;
        for (JsonNode c : g.path("anyOf")) {
          String cid = c.path("id").asText(null);
          String cf = "anyOf[" + ci++ + "]" + (cid == null ? "" : " (" + cid + ")");
          try {
            anyOf.add(condition(c, lists, ids));
          } catch (ValidationException e) {
            throw e.under(cf);
          }
        }
        if (otherwise == !anyOf.isEmpty()) {
          throw new ValidationException(
              "anyOf", "a grade has either conditions (anyOf) or otherwise: true");
        }
        out.add(new GradeRule(grade, g.path("title").asText(grade.name()), anyOf, otherwise));
      } catch (ValidationException e) {
        throw new CredgraphException(
            where + ", field " + e.field().orElse(field) + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty() || !out.get(out.size() - 1).otherwise()) {
      throw new CredgraphException(
          source
              + ": field grades: the last grade must be the one given otherwise "
              + "(otherwise: true), so every organisation has a grade");
    }
    for (int i = 0; i < out.size() - 1; i++) {
      if (out.get(i).otherwise()) {
        throw new CredgraphException(
            source
                + ": grade "
                + out.get(i).grade()
                + ", field otherwise: only the last "
                + "grade can be the one given otherwise");
      }
    }
    return new GradeCatalogue(root.path("version").asText(), out, lists);
  }

  private static GradeCondition condition(JsonNode c, ListCatalogue lists, Set<String> ids) {
    onlyKeys(c, CONDITION_KEYS, "");
    String id = c.path("id").asText(null);
    if (id == null || !id.matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*")) {
      throw new ValidationException(
          "id", "condition id '" + id + "' must be upper-case words joined by _");
    }
    if (!ids.add(id)) {
      throw new ValidationException("id", "condition id " + id + " appears twice");
    }
    Selector s = selector(c, lists, "");
    int atLeast = 1;
    if (c.has("atLeast")) {
      if (!c.path("atLeast").canConvertToInt() || c.path("atLeast").asInt() < 1) {
        throw new ValidationException("atLeast", "atLeast must be a whole number of at least 1");
      }
      atLeast = c.path("atLeast").asInt();
    }
    Optional<Selector> without = Optional.empty();
    if (c.has("without")) {
      onlyKeys(c.path("without"), SELECTOR_KEYS, "without.");
      without = Optional.of(selector(c.path("without"), lists, "without."));
    }
    return new GradeCondition(id, s, atLeast, without);
  }

  private static Selector selector(JsonNode c, ListCatalogue lists, String prefix) {
    Set<String> codes = new LinkedHashSet<>();
    for (JsonNode l : c.path("lists")) {
      try {
        lists.require(l.asText());
      } catch (ValidationException e) {
        throw new ValidationException(prefix + "lists", e.getMessage());
      }
      codes.add(l.asText());
    }
    Set<ListKind> kinds = EnumSet.noneOf(ListKind.class);
    for (JsonNode k : c.path("kinds")) {
      kinds.add(enumOf(ListKind.class, k, prefix + "kinds"));
    }
    if (codes.isEmpty() && kinds.isEmpty()) {
      throw new ValidationException(
          prefix + "lists",
          "a condition names the lists (lists) or list kinds (kinds) " + "it looks at");
    }
    List<Condition> where = new ArrayList<>();
    for (JsonNode w : c.path("where")) {
      onlyKeys(w, Set.of("field", "in"), prefix + "where.");
      Set<String> in = new LinkedHashSet<>();
      w.path("in").forEach(v -> in.add(v.asText()));
      try {
        where.add(new Condition(w.path("field").asText(null), in));
      } catch (ValidationException e) {
        throw e.under(prefix + "where");
      }
    }
    boolean inForce = c.path("inForce").asBoolean(false);
    OptionalInt months = OptionalInt.empty();
    if (c.has("decidedWithinMonths")) {
      JsonNode m = c.path("decidedWithinMonths");
      if (!m.canConvertToInt() || m.asInt() < 1 || m.asInt() > 1200) {
        throw new ValidationException(
            prefix + "decidedWithinMonths",
            "decidedWithinMonths must be in 1..1200, not " + m.asText());
      }
      months = OptionalInt.of(m.asInt());
    }
    if (inForce == months.isPresent()) {
      throw new ValidationException(
          prefix + "inForce",
          "a condition looks either at records in force (inForce: true)"
              + " or at records decided in a window (decidedWithinMonths: N)");
    }
    return new Selector(codes, kinds, where, inForce, months);
  }

  private static void onlyKeys(JsonNode n, Set<String> allowed, String prefix) {
    if (!n.isObject()) {
      throw new ValidationException(
          prefix.isEmpty() ? "entry" : prefix.substring(0, prefix.length() - 1),
          "expected a mapping");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new ValidationException(
            prefix + k,
            "unknown field '"
                + k
                + "' (allowed: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode v, String field) {
    String s = v.isMissingNode() || v.isNull() ? "" : v.asText().trim().toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, s);
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw new ValidationException(
          field,
          (s.isEmpty() ? "missing value" : "'" + s + "' is not allowed")
              + " (one of "
              + String.join(", ", names)
              + ")");
    }
  }

  public String version() {
    return version;
  }

  /**
   * The grade of an organisation with {@code records} on {@code asOf}: the first grade of the
   * catalogue whose conditions hold, with the conditions that held and the records behind them.
   */
  public CreditGrade grade(List<CreditRecord> records, LocalDate asOf) {
    for (GradeRule g : grades) {
      if (g.otherwise()) {
        return new CreditGrade(g.grade(), g.title(), List.of(), List.of());
      }
      List<String> conditions = new ArrayList<>();
      Set<String> behind = new LinkedHashSet<>();
      for (GradeCondition c : g.anyOf()) {
        List<String> hit = select(c.selector(), records, asOf);
        if (hit.size() >= c.atLeast()
            && c.without().map(w -> select(w, records, asOf).isEmpty()).orElse(true)) {
          conditions.add(c.id());
          behind.addAll(hit);
        }
      }
      if (!conditions.isEmpty()) {
        return new CreditGrade(g.grade(), g.title(), conditions, behind.stream().sorted().toList());
      }
    }
    throw new IllegalStateException("the grading catalogue has no grade given otherwise");
  }

  /** The ids of the records {@code s} takes on {@code asOf}. */
  private List<String> select(Selector s, List<CreditRecord> records, LocalDate asOf) {
    List<String> out = new ArrayList<>();
    for (CreditRecord r : records) {
      Optional<ListDefinition> def = lists.find(r.list());
      if (def.isEmpty()
          || !(s.lists().contains(r.list()) || s.kinds().contains(def.get().kind()))) {
        continue;
      }
      if (r.status() == RecordStatus.REVOKED) {
        continue;
      }
      boolean meets = true;
      for (Condition c : s.where()) {
        meets &= c.matches(r);
      }
      if (!meets) {
        continue;
      }
      boolean counts;
      if (s.inForce()) {
        counts = r.inForceOn(asOf, def.get().objectedInForce());
      } else {
        int months = s.decidedWithinMonths().getAsInt();
        counts =
            !r.decidedOn().isAfter(asOf)
                && !r.decidedOn().plusMonths(months).isBefore(asOf)
                && r.repairedOn().map(d -> d.isAfter(asOf)).orElse(true);
      }
      if (counts) {
        out.add(r.id());
      }
    }
    return out;
  }
}
