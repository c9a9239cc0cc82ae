package io.credgraph.api.controllers;

import com.github.benmanes.caffeine.cache.Cache;
import io.credgraph.NotFoundException;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.ApiConfig;
import io.credgraph.api.Params;
import io.credgraph.api.Requests;
import io.credgraph.api.view.ListEntry;
import io.credgraph.api.view.PublishedList;
import io.credgraph.api.view.SubjectView;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.engine.GraphSnapshot;
import io.credgraph.model.CreditRecord;
import io.credgraph.model.ListKind;
import io.credgraph.model.RecordStatus;
import io.credgraph.model.Subject;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/lists/{code}}: the published RED and BLACK lists, public, with persons' ID
 * numbers always masked. A list on a day is the records of that list in force that day, newest
 * decision first; the record selection is cached per (list, day, store version), so any write makes
 * it miss.
 */
public final class ListController {
  static final int MAX_LIMIT = 500;

  private final ApiBackend backend;
  private final ApiConfig config;
  private final Cache<ListKey, List<CreditRecord>> cache;

  /** The cache key of one list selection. */
  public record ListKey(String code, LocalDate asOf, long version) {}

  public ListController(
      ApiBackend backend, ApiConfig config, Cache<ListKey, List<CreditRecord>> cache) {
    this.backend = backend;
    this.config = config;
    this.cache = cache;
  }

  public void get(Context ctx) {
    String code = ctx.pathParam("code");
    ListDefinition def =
        backend
            .catalogue()
            .find(code)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "no list '" + code + "'; published lists: " + published()));
    if (def.kind() != ListKind.BLACK && def.kind() != ListKind.RED) {
      throw new NotFoundException(
          "list "
              + code
              + " is a "
              + def.kind()
              + " list; only RED and BLACK lists are "
              + "published ("
              + published()
              + ")");
    }
    LocalDate asOf = Params.asOf(ctx, config.clock());
    int limit = Params.limit(ctx, 50, MAX_LIMIT);
    int offset = Params.offsetCursor(ctx);
    // one committed version of the graph for the whole page: during a load, the last committed
    // chunk
    GraphSnapshot g = backend.engine().snapshot();
    List<CreditRecord> all =
        cache.get(new ListKey(code, asOf, g.version()), k -> select(g, def, asOf));
    all = ListFilter.apply(ctx, g, all);
    int from = Math.min(offset, all.size());
    int to = Math.min(from + limit, all.size());
    List<ListEntry> items = new ArrayList<>(to - from);
    List<String> persons = new ArrayList<>();
    for (CreditRecord r : all.subList(from, to)) {
      int node = g.node(r.subject());
      if (node < 0) {
        continue;
      }
      Optional<Subject> s = Optional.of(g.subject(node));
      if (s.get().kind() == io.credgraph.model.SubjectKind.PERSON) {
        persons.add(s.get().id().value());
      }
      RecordStatus status = r.statusOn(asOf);
      items.add(
          new ListEntry(
              SubjectView.of(s.get(), false),
              r.id(),
              r.department(),
              r.decisionNo(),
              r.basis(),
              r.decidedOn(),
              r.effectiveFrom(),
              r.effectiveUntil(),
              status,
              status == RecordStatus.OBJECTED));
    }
    if (!persons.isEmpty()) {
      Requests.audit(
          ctx,
          backend.audit(),
          persons,
          200,
          "list " + code + " page (" + persons.size() + " persons)");
    }
    ctx.json(
        new PublishedList(
            def.code(),
            def.name(),
            def.kind(),
            asOf,
            all.size(),
            items,
            to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty()));
  }

  private static List<CreditRecord> select(GraphSnapshot g, ListDefinition def, LocalDate asOf) {
    List<CreditRecord> out = new ArrayList<>();
    g.forEachRecord(
        r -> {
          if (r.list().equals(def.code()) && r.inForceOn(asOf, def.objectedInForce())) {
            out.add(r);
          }
        });
    out.sort(
        Comparator.comparing(CreditRecord::decidedOn).reversed().thenComparing(CreditRecord::id));
    return List.copyOf(out);
  }

  private String published() {
    return String.join(
        ", ",
        backend.catalogue().all().stream()
            .filter(d -> d.kind() == ListKind.BLACK || d.kind() == ListKind.RED)
            .map(ListDefinition::code)
            .toList());
  }
}
