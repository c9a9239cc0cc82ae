package io.credgraph.api.controllers;

import io.credgraph.analysis.Neighbourhood;
import io.credgraph.api.ApiBackend;
import io.credgraph.api.view.InvestigationViews;
import io.credgraph.api.view.InvestigationViews.GraphAnswer;
import io.credgraph.api.view.InvestigationViews.GraphNode;
import io.credgraph.catalogue.ListDefinition;
import io.credgraph.engine.SubjectMarks;
import io.credgraph.model.ListKind;
import io.credgraph.model.SubjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Marks the nodes of a neighbourhood for drawing: lists in force (BLACK, RED) and associated risk
 * on the day.
 */
final class GraphMarks {
  private GraphMarks() {}

  static GraphAnswer answer(
      ApiBackend backend, Neighbourhood n, int depth, LocalDate asOf, boolean unmasked) {
    List<SubjectKey> keys = n.nodes().stream().map(x -> x.subject().key()).toList();
    Map<SubjectKey, SubjectMarks> marks = backend.engine().marks(keys, asOf, true);
    return GraphAnswer.of(
        n,
        depth,
        unmasked,
        x -> {
          SubjectMarks m = marks.getOrDefault(x.subject().key(), new SubjectMarks(List.of(), 0));
          boolean black = false;
          boolean red = false;
          for (String code : m.lists()) {
            Optional<ListKind> kind = backend.catalogue().find(code).map(ListDefinition::kind);
            black |= kind.filter(k -> k == ListKind.BLACK).isPresent();
            red |= kind.filter(k -> k == ListKind.RED).isPresent();
          }
          return new GraphNode(
              InvestigationViews.subjectView(x.subject(), unmasked),
              x.depth(),
              m.lists(),
              black,
              red,
              m.risk());
        });
  }
}
