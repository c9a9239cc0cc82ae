package io.credgraph.gremlin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.Jsons;
import io.credgraph.StoreException;
import io.credgraph.store.codec.PropertyCodec;
import java.util.Map;
import java.util.TreeMap;

/**
 * How facts become one JSON document per vertex or edge and back, exactly: the property maps of the
 * engine's {@link PropertyCodec} with dates as ISO-8601 strings, written as one JSON object with
 * absent values left out. Every graph behind Gremlin (TinkerGraph, JanusGraph, ...) stores a
 * string, so nothing depends on a backend's types.
 */
final class Codec {
  /** Facts as property maps: dates as ISO-8601 strings (the rest as every store keeps it). */
  static final PropertyCodec FACTS = PropertyCodec.ISO_DATES;

  private static final ObjectMapper JSON = Jsons.plain();

  private Codec() {}

  /** The properties as one JSON object (absent values left out). */
  static String doc(Map<String, Object> props) {
    ObjectNode o = JSON.createObjectNode();
    new TreeMap<>(props)
        .forEach(
            (k, v) -> {
              if (v != null) {
                o.set(k, JSON.valueToTree(v));
              }
            });
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new StoreException("cannot encode " + o.getNodeType() + " as JSON", e, false);
    }
  }

  /**
   * A document read back into properties: strings, numbers, booleans and lists, as {@link #doc}
   * wrote them.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> props(Object doc) {
    if (!(doc instanceof String json)) {
      throw new StoreException("a stored element has no JSON document (found " + doc + ")");
    }
    try {
      return JSON.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new StoreException("stored JSON is damaged: " + e.getOriginalMessage(), e, false);
    }
  }
}
