package io.credgraph.engine;

import io.credgraph.ValidationException;
import io.credgraph.model.SubjectRef;
import java.util.List;

/**
 * How a measure reaches a subject: {@code subjects} from the subject the measure applies to (first)
 * to the subject that holds the record (last), with {@code relations.get(i)} joining {@code
 * subjects.get(i)} and {@code subjects.get(i + 1)}. A record of the subject itself has a path of
 * one subject and no relation.
 */
public record EvidencePath(List<SubjectRef> subjects, List<PathHop> relations) {
  public EvidencePath {
    subjects = List.copyOf(subjects);
    relations = List.copyOf(relations);
    if (subjects.isEmpty() || relations.size() != subjects.size() - 1) {
      throw new ValidationException("path", "a path has one more subject than relations");
    }
  }
}
