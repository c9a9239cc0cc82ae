package io.credgraph.api.view;

import io.credgraph.catalogue.ListDefinition;
import io.credgraph.model.ListKind;
import io.credgraph.rules.Measure;
import io.credgraph.rules.Period;
import io.credgraph.rules.Rule;
import io.credgraph.rules.Step;
import io.credgraph.rules.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The list and rule catalogues as the API shows them (read-only tables). */
public final class CatalogueViews {
  private CatalogueViews() {}

  /** The list catalogue: its version and every list. */
  public record ListCatalogueView(String version, List<ListInfo> lists) {}

  /**
   * One list: code, name, kind, issuing department, and whether it is published (RED and BLACK
   * lists are, at {@code GET /api/v1/lists/{code}}).
   */
  public record ListInfo(
      String code, String name, ListKind kind, String issuer, boolean published) {
    public static ListInfo of(ListDefinition d) {
      return new ListInfo(
          d.code(),
          d.name(),
          d.kind(),
          d.issuer(),
          d.kind() == ListKind.RED || d.kind() == ListKind.BLACK);
    }
  }

  /** The rule catalogue: its version, the rules and the measures they apply. */
  public record RuleCatalogueView(String version, List<RuleInfo> rules) {}

  /**
   * One rule: what triggers it (lists, subject kinds, conditions), whom it reaches (targets), what
   * it applies (measures), for how long (period), on which legal basis, and the days the rule
   * itself is in force.
   *
   * @param roles APPOINTMENT rules: the offices they bar, with the organisation forms ({@code
   *     DIRECTOR/ANY})
   */
  public record RuleInfo(
      String id,
      String title,
      String basis,
      String scope,
      Optional<LocalDate> inForceFrom,
      Optional<LocalDate> inForceUntil,
      List<String> triggerLists,
      List<String> subjectKinds,
      List<String> conditions,
      List<TargetInfo> targets,
      String period,
      List<String> roles,
      boolean exceptListedEnterprise) {
    public static RuleInfo of(Rule r) {
      return new RuleInfo(
          r.id(),
          r.title(),
          r.basis(),
          r.scope().name(),
          r.inForceFrom(),
          r.inForceUntil(),
          r.trigger().lists().stream().sorted().toList(),
          r.trigger().subjectKinds().stream().map(Enum::name).sorted().toList(),
          r.trigger().conditions().stream()
              .map(c -> c.field() + " in " + c.in().stream().sorted().toList())
              .toList(),
          r.targets().stream().map(TargetInfo::of).toList(),
          describe(r.period()),
          r.roles().stream().map(s -> s.role().name() + "/" + s.forms().name()).toList(),
          r.exceptListedEnterprise());
    }
  }

  /**
   * Whom a rule reaches: {@code via} the path of relation steps from the record holder (empty: the
   * holder itself), each as {@code REL|REL IN|OUT held}; the subject kinds; whether only liable
   * persons; the measures.
   */
  public record TargetInfo(
      List<String> via,
      List<String> kinds,
      boolean liable,
      boolean notHolder,
      List<MeasureInfo> measures,
      Optional<String> period) {
    static TargetInfo of(Target t) {
      return new TargetInfo(
          t.via().stream().map(CatalogueViews::describe).toList(),
          t.kinds().stream().map(Enum::name).sorted().toList(),
          t.liable(),
          t.notHolder(),
          t.measures().stream().map(MeasureInfo::of).toList(),
          t.period().map(CatalogueViews::describe));
    }
  }

  /**
   * A measure: code, title, domain, kind (RESTRICT, ALERT, ...), the department that applies it,
   * its basis.
   */
  public record MeasureInfo(
      String code, String title, String domain, String kind, String department, String basis) {
    static MeasureInfo of(Measure m) {
      return new MeasureInfo(
          m.code(), m.title(), m.domain().name(), m.kind().name(), m.department(), m.basis());
    }
  }

  static String describe(Step s) {
    return s.rels().stream().map(Enum::name).sorted().collect(Collectors.joining("|"))
        + " "
        + s.dir()
        + " "
        + s.held();
  }

  static String describe(Period p) {
    return switch (p.kind()) {
      case RECORD -> "RECORD";
      case FUNCTION ->
          "FUNCTION " + p.function().orElse("?") + (p.params().isEmpty() ? "" : " " + p.params());
      default -> p.kind() + " " + p.field().orElse("?") + " " + p.years() + "y";
    };
  }
}
