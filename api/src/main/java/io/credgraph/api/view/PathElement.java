package io.credgraph.api.view;

import io.credgraph.engine.EvidencePath;
import io.credgraph.engine.PathHop;
import io.credgraph.model.RelationType;
import io.credgraph.model.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One element of an evidence path (API.md): paths alternate subjects ({@code id, kind, name},
 * {@code uscc} or a masked {@code idNumber}) and relations ({@code rel, since, until}, and {@code
 * forward}: whether the relation points from the earlier subject to the later one). A path runs
 * from the subject a measure applies to, to the subject that holds the record.
 */
public record PathElement(
    Optional<String> id,
    Optional<SubjectKind> kind,
    Optional<String> name,
    Optional<String> uscc,
    Optional<String> idNumber,
    Optional<String> idType,
    Optional<RelationType> rel,
    Optional<LocalDate> since,
    Optional<LocalDate> until,
    Optional<Boolean> forward) {

  static PathElement subject(SubjectView s) {
    return new PathElement(
        Optional.of(s.id()),
        Optional.of(s.kind()),
        Optional.of(s.name()),
        s.uscc(),
        s.idNumber(),
        s.idType(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static PathElement relation(PathHop h) {
    return new PathElement(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(h.rel()),
        Optional.of(h.since()),
        h.until(),
        Optional.of(h.forward()));
  }

  /** The alternating list for {@code path}, persons masked unless {@code unmasked}. */
  public static List<PathElement> of(EvidencePath path, boolean unmasked) {
    List<PathElement> out = new ArrayList<>(path.subjects().size() * 2);
    for (int i = 0; i < path.subjects().size(); i++) {
      out.add(subject(SubjectView.of(path.subjects().get(i), unmasked)));
      if (i < path.relations().size()) {
        out.add(relation(path.relations().get(i)));
      }
    }
    return out;
  }
}
