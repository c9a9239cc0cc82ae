package io.credgraph.engine;

import java.util.List;

/**
 * How a subject is marked when drawn on a day (issue #10): the lists of its records in force (BLACK
 * and RED lists alike, by code, each once) and its associated risk score (0 when no BLACK record in
 * force is within three control hops; see {@link CredgraphEngine#associatedRisk}).
 */
public record SubjectMarks(List<String> lists, double risk) {
  public SubjectMarks {
    lists = List.copyOf(lists);
  }
}
