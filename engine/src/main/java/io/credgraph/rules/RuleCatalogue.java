package io.credgraph.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.CredgraphException;
import io.credgraph.Jsons;
import io.credgraph.ValidationException;
import io.credgraph.catalogue.ListCatalogue;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The measure and rule catalogue (DOMAIN.md section 5), read from two versioned YAML data files
 * ({@code measures.yaml}, {@code rules.yaml}) and validated when loaded: a wrong entry fails
 * start-up with a message that names the file, the rule (or measure) and the field. Unknown keys
 * are errors too, so a misspelt field cannot be silently ignored. A RESTRICT measure or a
 * restricting rule without a legal basis does not load.
 *
 * <p>The format is documented at the top of the built-in files.
 */
public final class RuleCatalogue {
  public static final String DEFAULT_RULES = "/io/credgraph/catalogue/rules.yaml";
  public static final String DEFAULT_MEASURES = "/io/credgraph/catalogue/measures.yaml";

  private static final Set<String> MEASURE_KEYS =
      Set.of("code", "title", "domain", "kind", "department", "basis", "alert");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "title",
          "basis",
          "scope",
          "inForce",
          "trigger",
          "targets",
          "period",
          "roles",
          "exceptListedEnterprise");
  private static final Set<String> TRIGGER_KEYS =
      Set.of("lists", "subjectKinds", "conditions", "count");
  private static final Set<String> TARGET_KEYS =
      Set.of("via", "kinds", "liable", "notHolder", "measures", "period");
  private static final Set<String> STEP_KEYS = Set.of("rel", "dir", "held");
  private static final Set<String> PERIOD_KEYS =
      Set.of("kind", "field", "years", "months", "function", "params");

  private final String version;
  private final String measuresVersion;
  private final Map<String, Measure> measures;
  private final Map<String, Rule> rules;

  private RuleCatalogue(
      String version,
      String measuresVersion,
      Map<String, Measure> measures,
      Map<String, Rule> rules) {
    this.version = version;
    this.measuresVersion = measuresVersion;
    this.measures = measures;
    this.rules = rules;
  }

  /** The built-in catalogue: exactly DOMAIN.md's tables 5.1 and 5.2. */
  public static RuleCatalogue defaults(ListCatalogue lists) {
    try (InputStream m = resource(DEFAULT_MEASURES);
        InputStream r = resource(DEFAULT_RULES)) {
      return read(m, "measures.yaml (built in)", r, "rules.yaml (built in)", lists);
    } catch (IOException e) {
      throw new CredgraphException("cannot read the built-in rule catalogue: " + e.getMessage(), e);
    }
  }

  /** Loads an administrator's catalogue files. */
  public static RuleCatalogue load(Path measuresFile, Path rulesFile, ListCatalogue lists) {
    try (InputStream m = Files.newInputStream(measuresFile);
        InputStream r = Files.newInputStream(rulesFile)) {
      return read(m, measuresFile.toString(), r, rulesFile.toString(), lists);
    } catch (IOException e) {
      throw new CredgraphException(
          "cannot read rule catalogue " + measuresFile + " / " + rulesFile + ": " + e.getMessage(),
          e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = RuleCatalogue.class.getResourceAsStream(name);
    if (in == null) {
      throw new CredgraphException(
          "the built-in catalogue file " + name + " is not on the classpath");
    }
    return in;
  }

  /** Reads and validates both files; {@code *Source} names them in error messages. */
  public static RuleCatalogue read(
      InputStream measuresIn,
      String measuresSource,
      InputStream rulesIn,
      String rulesSource,
      ListCatalogue lists) {
    JsonNode mroot = parse(measuresIn, measuresSource, "measures");
    Map<String, Measure> measures = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode n : mroot.path("measures")) {
      index++;
      String code = n.path("code").asText(null);
      String where = measuresSource + ": measure " + (code == null ? "#" + index : code);
      try {
        onlyKeys(n, MEASURE_KEYS, "");
        Measure m =
            new Measure(
                code,
                text(n, "title"),
                enumOf(Domain.class, n.path("domain"), "domain"),
                enumOf(MeasureKind.class, n.path("kind"), "kind"),
                text(n, "department"),
                text(n, "basis"),
                n.has("alert")
                    ? enumOf(AlertCategory.class, n.path("alert"), "alert")
                    : AlertCategory.NOTICE);
        if (measures.putIfAbsent(m.code(), m) != null) {
          throw new ValidationException("code", "measure code " + m.code() + " appears twice");
        }
      } catch (ValidationException e) {
        throw failure(where, e);
      }
    }

    JsonNode rroot = parse(rulesIn, rulesSource, "rules");
    Map<String, Rule> rules = new LinkedHashMap<>();
    index = 0;
    for (JsonNode n : rroot.path("rules")) {
      index++;
      String id = n.path("id").asText(null);
      String where = rulesSource + ": rule " + (id == null ? "#" + index : id);
      try {
        Rule rule = rule(n, measures, lists);
        if (rules.putIfAbsent(rule.id(), rule) != null) {
          throw new ValidationException("id", "rule id " + rule.id() + " appears twice");
        }
      } catch (ValidationException e) {
        throw failure(where, e);
      }
    }
    return new RuleCatalogue(
        rroot.path("version").asText(""),
        mroot.path("version").asText(""),
        Map.copyOf(measures),
        java.util.Collections.unmodifiableMap(rules));
  }

  private static JsonNode parse(InputStream in, String source, String top) {
    JsonNode root;
    try {
      root = Jsons.yaml().readTree(in);
    } catch (IOException e) {
      throw new CredgraphException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.path(top).isArray()) {
      throw new CredgraphException(source + ": expected a top-level '" + top + ":' sequence");
    }
    if (root.path("version").asText("").isBlank()) {
      throw new CredgraphException(
          source + ": field version: the catalogue file needs a version (e.g. a date)");
    }
    return root;
  }

  private static CredgraphException failure(String where, ValidationException e) {
    return new CredgraphException(
        where + ", field " + e.field().orElse("?") + ": " + e.getMessage(), e);
  }

  private static Rule rule(JsonNode n, Map<String, Measure> measures, ListCatalogue lists) {
    onlyKeys(n, RULE_KEYS, "");
    String id = n.path("id").asText(null);
    RuleScope scope = enumOf(RuleScope.class, n.path("scope"), "scope");
    JsonNode inForce = n.path("inForce");
    if (!inForce.isMissingNode()) {
      onlyKeys(inForce, Set.of("from", "until"), "inForce.");
    }
    Optional<LocalDate> from = date(inForce.path("from"), "inForce.from");
    Optional<LocalDate> until = date(inForce.path("until"), "inForce.until");

    JsonNode t = n.path("trigger");
    if (!t.isObject()) {
      throw new ValidationException("trigger", "rule needs a trigger: {lists: [...]}");
    }
    onlyKeys(t, TRIGGER_KEYS, "trigger.");
    Set<String> triggerLists = new LinkedHashSet<>();
    for (JsonNode l : t.path("lists")) {
      String code = l.asText();
      try {
        lists.require(code);
      } catch (ValidationException e) {
        throw new ValidationException("trigger.lists", e.getMessage());
      }
      triggerLists.add(code);
    }
    List<Condition> conditions = new ArrayList<>();
    for (JsonNode c : t.path("conditions")) {
      onlyKeys(c, Set.of("field", "in"), "trigger.conditions.");
      Set<String> in = new LinkedHashSet<>();
      c.path("in").forEach(v -> in.add(v.asText()));
      try {
        conditions.add(new Condition(c.path("field").asText(null), in));
      } catch (ValidationException e) {
        throw e.under("trigger.conditions");
      }
    }
    Optional<Trigger.Count> count = Optional.empty();
    if (t.has("count")) {
      JsonNode cn = t.path("count");
      onlyKeys(cn, Set.of("nth", "withinMonths"), "trigger.count.");
      for (String k : List.of("nth", "withinMonths")) {
        if (!cn.path(k).canConvertToInt()) {
          throw new ValidationException("trigger.count." + k, k + " must be an integer");
        }
      }
      count =
          Optional.of(new Trigger.Count(cn.path("nth").asInt(), cn.path("withinMonths").asInt()));
    }
    Trigger trigger =
        new Trigger(
            triggerLists, kinds(t.path("subjectKinds"), "trigger.subjectKinds"), conditions, count);

    List<Target> targets = new ArrayList<>();
    int ti = 0;
    for (JsonNode tn : n.path("targets")) {
      String f = "targets[" + ti++ + "]";
      onlyKeys(tn, TARGET_KEYS, f + ".");
      List<Step> via = new ArrayList<>();
      int si = 0;
      for (JsonNode sn : tn.path("via")) {
        String sf = f + ".via[" + si++ + "]";
        onlyKeys(sn, STEP_KEYS, sf + ".");
        Set<RelationType> rels = EnumSet.noneOf(RelationType.class);
        JsonNode rel = sn.path("rel");
        for (JsonNode r : rel.isArray() ? rel : List.of(rel)) {
          rels.add(enumOf(RelationType.class, r, sf + ".rel"));
        }
        Step.Dir dir = enumOf(Step.Dir.class, sn.path("dir"), sf + ".dir");
        Held held = enumOf(Held.class, sn.path("held"), sf + ".held");
        try {
          via.add(new Step(rels, dir, held));
        } catch (ValidationException e) {
          throw e.under(sf);
        }
      }
      List<Measure> ms = new ArrayList<>();
      for (JsonNode mn : tn.path("measures")) {
        Measure m = measures.get(mn.asText());
        if (m == null) {
          throw new ValidationException(
              f + ".measures",
              "unknown measure '"
                  + mn.asText()
                  + "' (define it in the measures file; known: "
                  + String.join(", ", measures.keySet())
                  + ")");
        }
        ms.add(m);
      }
      Set<SubjectKind> targetKinds = kinds(tn.path("kinds"), f + ".kinds");
      try {
        Optional<Period> own =
            tn.has("period") ? Optional.of(period(tn.path("period"))) : Optional.empty();
        targets.add(
            new Target(via, targetKinds, bool(tn, "liable"), bool(tn, "notHolder"), ms, own));
      } catch (ValidationException e) {
        throw e.under(f);
      }
    }

    Period period = n.has("period") ? period(n.path("period")) : Period.record();

    List<RoleScope> roles = new ArrayList<>();
    int ri = 0;
    for (JsonNode rn : n.path("roles")) {
      String rf = "roles[" + ri++ + "]";
      onlyKeys(rn, Set.of("role", "forms"), rf + ".");
      roles.add(
          new RoleScope(
              enumOf(Role.class, rn.path("role"), rf + ".role"),
              rn.has("forms")
                  ? enumOf(RoleScope.Forms.class, rn.path("forms"), rf + ".forms")
                  : RoleScope.Forms.ANY));
    }
    return new Rule(
        id,
        text(n, "title"),
        text(n, "basis"),
        scope,
        from,
        until,
        trigger,
        targets,
        period,
        roles,
        bool(n, "exceptListedEnterprise"));
  }

  private static Period period(JsonNode p) {
    onlyKeys(p, PERIOD_KEYS, "period.");
    Map<String, Integer> params = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.path("params").properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().canConvertToInt()) {
        throw new ValidationException(
            "period.params." + e.getKey(), "period parameter must be an integer");
      }
      params.put(e.getKey(), e.getValue().asInt());
    }
    if (p.has("years") && !p.path("years").canConvertToInt()) {
      throw new ValidationException("period.years", "period years must be an integer");
    }
    if (p.has("months") && !p.path("months").canConvertToInt()) {
      throw new ValidationException("period.months", "period months must be an integer");
    }
    return new Period(
        enumOf(Period.Kind.class, p.path("kind"), "period.kind"),
        Optional.ofNullable(p.path("field").asText(null)),
        p.path("years").asInt(0),
        p.path("months").asInt(0),
        Optional.ofNullable(p.path("function").asText(null)),
        params);
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

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static boolean bool(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new ValidationException(
          field, field + " must be true or false, not '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  private static Optional<LocalDate> date(JsonNode v, String field) {
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.asText()));
    } catch (DateTimeParseException e) {
      throw new ValidationException(
          field, "'" + v.asText() + "' is not a date of the form YYYY-MM-DD");
    }
  }

  private static Set<SubjectKind> kinds(JsonNode n, String field) {
    Set<SubjectKind> out = EnumSet.noneOf(SubjectKind.class);
    for (JsonNode k : n) {
      out.add(enumOf(SubjectKind.class, k, field));
    }
    return out;
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

  /** The version of the rules file. */
  public String version() {
    return version;
  }

  /** The version of the measures file. */
  public String measuresVersion() {
    return measuresVersion;
  }

  /** Rules in file order. */
  public Collection<Rule> rules() {
    return rules.values();
  }

  public Optional<Rule> rule(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  public Collection<Measure> measures() {
    return measures.values().stream()
        .sorted(java.util.Comparator.comparing(Measure::code))
        .toList();
  }

  public Optional<Measure> measure(String code) {
    return Optional.ofNullable(measures.get(code));
  }

  /** The longest target path of any rule, in hops. */
  public int maxDepth() {
    return rules.values().stream().mapToInt(Rule::maxDepth).max().orElse(0);
  }
}
