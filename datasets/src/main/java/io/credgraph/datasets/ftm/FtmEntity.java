package io.credgraph.datasets.ftm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One FollowTheMoney entity as it travels in FtM JSON lines ({@code {"id", "schema", "properties":
 * {name: [values]}, ...}}); every property is a list of strings. Other top-level fields of
 * OpenSanctions exports (caption, datasets, referents, first_seen, ...) are read where useful and
 * otherwise ignored.
 */
public record FtmEntity(
    String id,
    String schema,
    Optional<String> caption,
    Map<String, List<String>> properties,
    Optional<String> firstSeen) {
  public FtmEntity {
    properties = Map.copyOf(properties);
  }

  /**
   * Parses one line; a line that is not an FtM entity is a {@link ValidationException} naming the
   * field.
   */
  public static FtmEntity parse(ObjectMapper json, String line) {
    JsonNode n;
    try {
      n = json.readTree(line);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ValidationException("line", "not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new ValidationException("line", "an FtM entity is a JSON object");
    }
    String id = n.path("id").asText("");
    if (id.isBlank()) {
      throw new ValidationException("id", "an FtM entity needs an id");
    }
    String schema = n.path("schema").asText("");
    if (schema.isBlank()) {
      throw new ValidationException("schema", "an FtM entity needs a schema");
    }
    Map<String, List<String>> props = new LinkedHashMap<>();
    JsonNode p = n.path("properties");
    if (!p.isMissingNode() && !p.isObject()) {
      throw new ValidationException("properties", "properties is an object of lists of strings");
    }
    p.properties()
        .forEach(
            e -> {
              List<String> values = new ArrayList<>();
              if (e.getValue().isArray()) {
                e.getValue()
                    .forEach(
                        v -> {
                          if (v.isValueNode() && !v.asText().isBlank()) {
                            values.add(v.asText().strip());
                          }
                        });
              } else if (e.getValue().isValueNode() && !e.getValue().asText().isBlank()) {
                values.add(e.getValue().asText().strip());
              }
              if (!values.isEmpty()) {
                props.put(e.getKey(), List.copyOf(values));
              }
            });
    Optional<String> caption =
        n.hasNonNull("caption") ? Optional.of(n.get("caption").asText()) : Optional.empty();
    Optional<String> firstSeen =
        n.hasNonNull("first_seen") ? Optional.of(n.get("first_seen").asText()) : Optional.empty();
    return new FtmEntity(id.strip(), schema.strip(), caption, props, firstSeen);
  }

  public List<String> all(String property) {
    return properties.getOrDefault(property, List.of());
  }

  public Optional<String> first(String property) {
    List<String> v = all(property);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The entity's display name: the caption, else its first name property. */
  public Optional<String> name() {
    return caption.filter(c -> !c.isBlank()).or(() -> first("name"));
  }

  /** As an FtM JSON object. */
  public ObjectNode toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("id", id);
    o.put("schema", schema);
    caption.ifPresent(c -> o.put("caption", c));
    ObjectNode props = o.putObject("properties");
    properties.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              ArrayNode a = props.putArray(e.getKey());
              e.getValue().forEach(a::add);
            });
    return o;
  }
}
