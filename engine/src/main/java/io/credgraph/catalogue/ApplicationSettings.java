package io.credgraph.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.credgraph.CredgraphException;
import io.credgraph.Jsons;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Objection and repair settings per list (DOMAIN.md section 4), read from the same list catalogue
 * file as {@link ListCatalogue} ({@code repairable}, {@code minPublication}, {@code
 * maxPublication}, {@code objectionDays}, {@code repairDecisionDays} in a list's {@code settings})
 * and validated when loaded: a wrong value fails naming the file, the list and the field. A list
 * that says nothing is not repairable, takes objections decided within {@value
 * #DEFAULT_OBJECTION_DAYS} days and is published while its record is in force. A list whose records
 * carry a {@code severity} may set these per severity ({@code bySeverity: {GENERAL:
 * {minPublication: P3M, maxPublication: P1Y}, SERIOUS: {...}}}); a severity not named there has the
 * list's own settings.
 */
public final class ApplicationSettings {
  public static final int DEFAULT_OBJECTION_DAYS = 15;
  public static final int DEFAULT_REPAIR_DECISION_DAYS = 15;

  /**
   * The settings of one list.
   *
   * @param minPublication how long after {@code decidedOn} a repair application may first be filed
   * @param maxPublication after which the record is no longer published (it stays in the subject's
   *     file)
   */
  public record Settings(
      boolean repairable,
      Optional<Period> minPublication,
      Optional<Period> maxPublication,
      int objectionDays,
      int repairDecisionDays) {
    static final Settings DEFAULT =
        new Settings(
            false,
            Optional.empty(),
            Optional.empty(),
            DEFAULT_OBJECTION_DAYS,
            DEFAULT_REPAIR_DECISION_DAYS);

    /**
     * The first day a repair application may be filed for a record decided on {@code decidedOn}.
     */
    public LocalDate firstRepairDay(LocalDate decidedOn) {
      return minPublication.map(decidedOn::plus).orElse(decidedOn);
    }

    /**
     * Whether a record decided on {@code decidedOn} and in force on {@code day} is still published
     * then.
     */
    public boolean published(LocalDate decidedOn, boolean inForce, LocalDate day) {
      return inForce && maxPublication.map(p -> !day.isAfter(decidedOn.plus(p))).orElse(true);
    }
  }

  private final Map<String, Settings> lists;
  private final Map<String, Map<String, Settings>> bySeverity;

  private ApplicationSettings(
      Map<String, Settings> lists, Map<String, Map<String, Settings>> bySeverity) {
    this.lists = Map.copyOf(lists);
    this.bySeverity = Map.copyOf(bySeverity);
  }

  /** The settings of the built-in list catalogue. */
  public static ApplicationSettings defaults() {
    try (InputStream in =
        ApplicationSettings.class.getResourceAsStream(ListCatalogue.DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new CredgraphException(
            "the default list catalogue "
                + ListCatalogue.DEFAULT_RESOURCE
                + " is not on the classpath");
      }
      return read(in, "lists.yaml (built in)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApplicationSettings load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new CredgraphException("cannot read list catalogue " + file + ": " + e.getMessage(), e);
    }
  }

  static ApplicationSettings read(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = Jsons.yaml().readTree(in);
    } catch (IOException e) {
      throw new CredgraphException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    Map<String, Settings> out = new LinkedHashMap<>();
    Map<String, Map<String, Settings>> severities = new LinkedHashMap<>();
    for (JsonNode entry : root.path("lists")) {
      String code = entry.path("code").asText("?");
      JsonNode n =
          entry.path(
              "settings"); // the list's settings map, also read and validated by ListCatalogue
      String where = source + ": list " + code + ", field settings.";
      Settings own = settings(n, where, Settings.DEFAULT);
      out.put(code, own);
      if (n.has("bySeverity")) {
        if (!n.path("bySeverity").isObject()) {
          throw new CredgraphException(
              where + "bySeverity: a map from a severity (e.g. GENERAL, SERIOUS) to settings");
        }
        Map<String, Settings> m = new LinkedHashMap<>();
        n.path("bySeverity")
            .properties()
            .forEach(
                e ->
                    m.put(
                        e.getKey(),
                        settings(e.getValue(), where + "bySeverity." + e.getKey() + ".", own)));
        severities.put(code, m);
      }
    }
    return new ApplicationSettings(out, severities);
  }

  /** The settings of one entry; fields it leaves out are those of {@code base}. */
  private static Settings settings(JsonNode n, String where, Settings base) {
    boolean repairable = n.path("repairable").asBoolean(base.repairable());
    if (n.has("repairable") && !n.path("repairable").isBoolean()) {
      throw new CredgraphException(
          where + "repairable: true or false, not '" + n.path("repairable").asText() + "'");
    }
    Optional<Period> min = period(n, "minPublication", where).or(base::minPublication);
    Optional<Period> max = period(n, "maxPublication", where).or(base::maxPublication);
    if (repairable && min.isEmpty()) {
      throw new CredgraphException(
          where
              + "minPublication: a repairable list says how long after decidedOn a "
              + "repair application may first be filed (e.g. P1Y)");
    }
    if (!repairable && min.isPresent()) {
      throw new CredgraphException(
          where + "minPublication: only a repairable list has one (add repairable: true)");
    }
    return new Settings(
        repairable,
        min,
        max,
        days(n, "objectionDays", base.objectionDays(), where),
        days(n, "repairDecisionDays", base.repairDecisionDays(), where));
  }

  private static Optional<Period> period(JsonNode n, String field, String where) {
    if (!n.has(field)) {
      return Optional.empty();
    }
    String text = n.path(field).asText("");
    try {
      Period p = Period.parse(text);
      if (p.isNegative() || p.isZero()) {
        throw new CredgraphException(
            where + field + ": a period after decidedOn must be positive, not " + text);
      }
      return Optional.of(p);
    } catch (DateTimeParseException e) {
      throw new CredgraphException(
          where + field + ": '" + text + "' is not an ISO-8601 period (e.g. P1Y, P6M)", e);
    }
  }

  private static int days(JsonNode n, String field, int dflt, String where) {
    if (!n.has(field)) {
      return dflt;
    }
    JsonNode v = n.path(field);
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 365) {
      throw new CredgraphException(
          where + field + ": a number of calendar days from 1 to 365, not '" + v.asText() + "'");
    }
    return v.asInt();
  }

  /** The settings of a list; a list the catalogue does not describe has the defaults. */
  public Settings of(String list) {
    return lists.getOrDefault(list, Settings.DEFAULT);
  }

  /**
   * The settings for a record of {@code list} with {@code severity} (the list's own without, or if
   * not named).
   */
  public Settings of(String list, Optional<String> severity) {
    return severity
        .map(s -> bySeverity.getOrDefault(list, Map.of()).get(s))
        .orElseGet(() -> of(list));
  }
}
