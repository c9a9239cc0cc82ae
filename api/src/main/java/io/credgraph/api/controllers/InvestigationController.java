package io.credgraph.api.controllers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.credgraph.ValidationException;
import io.credgraph.analysis.Controllers;
import io.credgraph.analysis.Investigation;
import io.credgraph.analysis.Neighbourhood;
import io.credgraph.analysis.PathResult;
import io.credgraph.analysis.SearchHit;
import io.credgraph.analysis.SearchNotPermittedException;
import io.credgraph.analysis.Statistics;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.auth.Caller;
import io.credgraph.api.error.ApiException;
import io.credgraph.api.view.InvestigationViews;
import io.credgraph.api.view.InvestigationViews.ClustersAnswer;
import io.credgraph.api.view.InvestigationViews.ControllersAnswer;
import io.credgraph.api.view.InvestigationViews.GraphAnswer;
import io.credgraph.api.view.InvestigationViews.PathsAnswer;
import io.credgraph.api.view.InvestigationViews.StatsAnswer;
import io.credgraph.api.view.Page;
import io.credgraph.api.view.SubjectView;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectId;
import io.credgraph.model.SubjectRef;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The investigation routes (issue #6, INVESTIGATOR and above): ranked subject search,
 * neighbourhoods for drawing, ultimate controllers, shortest paths, risk clusters and dashboard
 * statistics, each on the relations in force on {@code asOf}, answered from the graph snapshot of
 * the current engine version and audited with the subjects shown.
 */
public final class InvestigationController {
  static final int MAX_SEARCH = 1000;

  private final ApiBackend backend;
  private final ApiConfig config;
  private final Cache<List<Object>, Object> reports = Caffeine.newBuilder().maximumSize(64).build();

  public InvestigationController(ApiBackend backend, ApiConfig config) {
    this.backend = backend;
    this.config = config;
  }

  private Investigation investigation() {
    return backend.investigations().investigation();
  }

  /**
   * {@code GET /api/v1/subjects?q=}: a USCC, an ID number (only for callers who may see ID numbers;
   * others get 403), or a Chinese name or part of one, matches ranked best first (key, exact name,
   * prefix, substring, shared bigrams).
   */
  public void search(Context ctx) {
    String q =
        Params.text(ctx, "q")
            .orElseThrow(
                () ->
                    new ValidationException(
                        "q", "q is required: a name or part of one, or a USCC"));
    if (IdShaped.test(q)) {
      throw new ValidationException(
          "q",
          "an ID number does not go in a URL (it would sit in access logs and "
              + "browser history); send it in the body of POST /api/v1/subjects/search as {\"q\": ...}");
    }
    search(ctx, q, Params.limit(ctx, 20, SubjectController.MAX_LIMIT), Params.offsetCursor(ctx));
  }

  /**
   * {@code POST /api/v1/subjects/search}: as {@link #search(Context)}, with the query in the body.
   */
  public void searchBody(Context ctx, com.fasterxml.jackson.databind.ObjectMapper mapper) {
    io.credgraph.api.requests.SearchRequest req =
        io.credgraph.api.error.Bodies.read(
            ctx, mapper, io.credgraph.api.requests.SearchRequest.class);
    search(ctx, req.q(), req.limitOr(20), req.offset());
  }

  private void search(Context ctx, String q, int limit, int offset) {
    if (offset + limit > MAX_SEARCH) {
      throw new ValidationException(
          "cursor",
          "a search shows its first "
              + MAX_SEARCH
              + " matches; narrow the "
              + "query to see others");
    }
    Caller caller = Requests.caller(ctx);
    List<SearchHit> hits;
    try {
      hits =
          investigation()
              .search(q, caller.seesIdNumbers(), Math.min(MAX_SEARCH, offset + limit + 1));
    } catch (SearchNotPermittedException e) {
      throw ApiException.forbidden(
          e.getMessage()
              + "; a "
              + caller.role().map(Enum::name).orElse("")
              + " key may search by name or USCC");
    }
    int from = Math.min(offset, hits.size());
    int to = Math.min(from + limit, hits.size());
    boolean unmasked = caller.seesIdNumbers();
    List<SubjectView> items =
        hits.subList(from, to).stream()
            .map(
                h ->
                    InvestigationViews.subjectView(
                        new SubjectRef(h.id(), h.kind(), h.name(), h.key()), unmasked))
            .toList();
    Requests.audit(
        ctx,
        backend.audit(),
        items.stream().map(SubjectView::id).toList(),
        200,
        "search: " + items.size() + " shown");
    ctx.json(
        new Page<>(items, to < hits.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
  }

  /**
   * {@code GET /api/v1/subjects/{id}/graph}: depth 1-3, rel types, limit, supernodeThreshold, asOf.
   */
  public void graph(Context ctx) {
    SubjectId id = SubjectController.subjectId(ctx.pathParam("id"));
    int depth = intParam(ctx, "depth", 1, 1, 3);
    Set<RelationType> rel = relations(ctx);
    int limit = Params.limit(ctx, Neighbourhood.Query.DEFAULT_LIMIT, 5000);
    int supernode =
        intParam(
            ctx, "supernodeThreshold", Neighbourhood.Query.DEFAULT_SUPERNODE_THRESHOLD, 1, 5000);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    Neighbourhood n =
        investigation()
            .neighbourhood(id, new Neighbourhood.Query(depth, rel, limit, asOf, supernode));
    GraphAnswer answer =
        GraphMarks.answer(backend, n, depth, asOf, Requests.caller(ctx).seesIdNumbers());
    List<String> shown = new ArrayList<>();
    answer.nodes().forEach(x -> shown.add(x.subject().id()));
    Requests.audit(
        ctx,
        backend.audit(),
        shown,
        200,
        "graph depth "
            + depth
            + ": "
            + answer.nodes().size()
            + " nodes, "
            + answer.edges().size()
            + " edges, "
            + answer.supernodes().size()
            + " supernodes");
    ctx.json(answer);
  }

  /** {@code GET /api/v1/subjects/{id}/controllers}: threshold (default 0.25), asOf. */
  public void controllers(Context ctx) {
    SubjectId id = SubjectController.subjectId(ctx.pathParam("id"));
    double threshold = Controllers.checkThreshold(doubleParam(ctx, "threshold", 0.25));
    LocalDate asOf = Params.asOf(ctx, config.clock());
    Controllers c = investigation().controllers(id, asOf, threshold);
    ControllersAnswer answer = ControllersAnswer.of(c, Requests.caller(ctx).seesIdNumbers());
    List<String> shown = new ArrayList<>();
    shown.add(answer.subject().id());
    answer.owners().forEach(o -> shown.add(o.subject().id()));
    answer.actualController().ifPresent(a -> shown.add(a.subject().id()));
    Requests.audit(
        ctx,
        backend.audit(),
        shown.stream().distinct().toList(),
        200,
        "controllers: "
            + answer.owners().size()
            + " owners at or above "
            + threshold
            + ", "
            + answer.conflicts().size()
            + " conflicts");
    ctx.json(answer);
  }

  /**
   * {@code GET /api/v1/paths}: from, to (subject ids), maxHops (1-6, default 4), rel, limit
   * (paths), asOf.
   */
  public void paths(Context ctx) {
    SubjectId from =
        SubjectController.subjectId(
            Params.text(ctx, "from")
                .orElseThrow(
                    () ->
                        new ValidationException(
                            "from", "from is required: the subject id where the paths start")));
    SubjectId to =
        SubjectController.subjectId(
            Params.text(ctx, "to")
                .orElseThrow(
                    () ->
                        new ValidationException(
                            "to", "to is required: the subject id where the paths end")));
    int maxHops = intParam(ctx, "maxHops", 4, 1, PathResult.Query.MAX_HOPS);
    Set<RelationType> rel = relations(ctx);
    int limit = Params.limit(ctx, PathResult.Query.DEFAULT_MAX_PATHS, 100);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    PathResult r = investigation().paths(from, to, new PathResult.Query(maxHops, rel, asOf, limit));
    PathsAnswer answer = PathsAnswer.of(r, maxHops, Requests.caller(ctx).seesIdNumbers());
    List<String> shown = new ArrayList<>();
    shown.add(answer.from().id());
    shown.add(answer.to().id());
    r.paths().forEach(p -> p.subjects().forEach(s -> shown.add(s.id().value())));
    Requests.audit(
        ctx,
        backend.audit(),
        shown.stream().distinct().toList(),
        200,
        "paths: "
            + answer.paths().size()
            + " of "
            + answer.hops()
            + " hops"
            + answer.reason().map(x -> " (" + x + ")").orElse(""));
    ctx.json(answer);
  }

  /** {@code GET /api/v1/clusters}: top (1-100, default 10), asOf. */
  public void clusters(Context ctx) {
    int top = intParam(ctx, "top", 10, 1, 100);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    boolean unmasked = Requests.caller(ctx).seesIdNumbers();
    ClustersAnswer answer =
        (ClustersAnswer)
            reports.get(
                List.of("clusters", version(), asOf, top, unmasked),
                k -> ClustersAnswer.of(investigation().clusters(asOf, top), unmasked));
    List<String> shown = new ArrayList<>();
    answer.clusters().forEach(c -> c.blackMembers().forEach(m -> shown.add(m.subject().id())));
    Requests.audit(
        ctx,
        backend.audit(),
        shown.stream().distinct().toList(),
        200,
        "clusters: " + answer.clusters().size() + " of " + answer.totalClusters());
    ctx.json(answer);
  }

  /**
   * {@code GET /api/v1/stats}: by (list, department, district, industry, month, grade; default
   * list), asOf.
   */
  public void stats(Context ctx) {
    Statistics.Dimension by =
        Params.text(ctx, "by")
            .map(InvestigationController::dimension)
            .orElse(Statistics.Dimension.LIST);
    LocalDate asOf = Params.asOf(ctx, config.clock());
    StatsAnswer answer =
        (StatsAnswer)
            reports.get(
                List.of("stats", version(), asOf, by),
                k -> StatsAnswer.of(investigation().stats(asOf, by)));
    Requests.audit(
        ctx,
        backend.audit(),
        List.of(),
        200,
        "stats by " + by + ": " + answer.rows().size() + " rows");
    ctx.json(answer);
  }

  private long version() {
    return backend.engine().version();
  }

  private static Statistics.Dimension dimension(String text) {
    try {
      return Statistics.Dimension.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "by", "by '" + text + "' is not one of list, department, district, industry, " + "month");
    }
  }

  /** {@code rel}: relation types, repeated or comma-separated; none for all. */
  static Set<RelationType> relations(Context ctx) {
    Set<RelationType> out = EnumSet.noneOf(RelationType.class);
    for (String v : ctx.queryParams("rel")) {
      for (String t : v.split(",")) {
        String name = t.strip();
        if (name.isEmpty()) {
          continue;
        }
        try {
          out.add(RelationType.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new ValidationException(
              "rel",
              "rel '"
                  + name
                  + "' is not a relation type; use one or more of "
                  + Arrays.toString(RelationType.values()));
        }
      }
    }
    return out;
  }

  static int intParam(Context ctx, String name, int def, int min, int max) {
    Optional<String> v = Params.text(ctx, name);
    if (v.isEmpty()) {
      return def;
    }
    int n;
    try {
      n = Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          name,
          name + " must be a whole number from " + min + " to " + max + ", not '" + v.get() + "'");
    }
    if (n < min || n > max) {
      throw new ValidationException(
          name, name + " must be from " + min + " to " + max + ", not " + n);
    }
    return n;
  }

  static double doubleParam(Context ctx, String name, double def) {
    Optional<String> v = Params.text(ctx, name);
    if (v.isEmpty()) {
      return def;
    }
    try {
      return Double.parseDouble(v.get());
    } catch (NumberFormatException e) {
      throw new ValidationException(
          name, name + " must be a number such as 0.25, not '" + v.get() + "'");
    }
  }
}
