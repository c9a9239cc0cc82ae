package io.credgraph.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.credgraph.Jsons;
import io.credgraph.model.Provenance;
import io.credgraph.model.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * Every name a subject was delivered with, kept in the subject attribute {@value #ATTRIBUTE} as a
 * JSON array of {@code {"name", "department", "batch", "line"}} once two deliveries disagree. The
 * subject's {@code name} is the latest delivery's; no name is lost.
 */
public final class NameVariants {
  /** The subject attribute that holds the variants. */
  public static final String ATTRIBUTE = "nameVariants";

  private static final ObjectMapper JSON = Jsons.plain();

  private NameVariants() {}

  /** One delivered name. */
  public record Variant(String name, String department, String batch, long line) {
    String source() {
      return department + " " + batch + ":" + line;
    }
  }

  /** The variants recorded on {@code s}; empty when its deliveries never disagreed. */
  public static List<Variant> of(Subject s) {
    String json = s.attributes().get(ATTRIBUTE);
    if (json == null) {
      return List.of();
    }
    List<Variant> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(json)) {
        out.add(
            new Variant(
                n.path("name").asText(),
                n.path("department").asText(),
                n.path("batch").asText(),
                n.path("line").asLong()));
      }
    } catch (JsonProcessingException e) {
      out.add(new Variant(json, "", "", 0));
    }
    return out;
  }

  /**
   * The variants after {@code incoming} (with its name and provenance) is delivered over {@code
   * stored}: the stored ones (or the stored name itself, attributed to its latest provenance) plus
   * the incoming one.
   */
  static List<Variant> merge(Subject stored, Subject incoming) {
    List<Variant> out = new ArrayList<>(of(stored));
    if (out.isEmpty()) {
      List<Provenance> p = stored.provenance();
      Provenance last = p.isEmpty() ? null : p.get(p.size() - 1);
      out.add(
          last == null
              ? new Variant(stored.name(), "", "", 0)
              : new Variant(stored.name(), last.department(), last.batch(), last.line()));
    }
    Provenance in = incoming.provenance().get(0);
    Variant v = new Variant(incoming.name(), in.department(), in.batch(), in.line());
    if (!out.contains(v)) {
      out.add(v);
    }
    return out;
  }

  static String encode(List<Variant> variants) {
    ArrayNode a = JSON.createArrayNode();
    for (Variant v : variants) {
      a.addObject()
          .put("name", v.name())
          .put("department", v.department())
          .put("batch", v.batch())
          .put("line", v.line());
    }
    return a.toString();
  }
}
