package io.credgraph.api.docs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.credgraph.api.auth.Role;
import io.credgraph.api.error.Problem;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written OpenAPI 3 document built operation by operation, with body schemas derived from
 * the records the API serialises ({@link Schemas}). Every operation states who may call it, its
 * parameters, its body, its answer and the problem+json errors it can give.
 */
public final class ApiDescription {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectNode root = F.objectNode();
  private final ObjectNode paths;
  private final Schemas schemas;

  public ApiDescription(String title, String version, String description) {
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", title).put("version", version).put("description", description);
    root.putArray("servers").addObject().put("url", "/");
    paths = root.putObject("paths");
    Map<Class<?>, Map.Entry<String, ObjectNode>> extra = new LinkedHashMap<>();
    extra.put(ProblemMarker.class, Map.entry("Problem", problemSchema()));
    schemas = new Schemas(extra);
  }

  /** Starts the description of {@code method path} (path in Javalin's form, {@code /x/{id}}). */
  public Operation op(String method, String path) {
    ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
    String m = method.toLowerCase(java.util.Locale.ROOT);
    if (item.has(m)) {
      throw new IllegalStateException(method + " " + path + " is described twice");
    }
    return new Operation(item.putObject(m), path);
  }

  /** The finished document. */
  public ObjectNode build() {
    ObjectNode components = root.putObject("components");
    ObjectNode sec = components.putObject("securitySchemes").putObject("bearerAuth");
    sec.put("type", "http")
        .put("scheme", "bearer")
        .put(
            "description",
            "An API key with one role: DEPARTMENT < REGISTRY < INVESTIGATOR < STEWARD < ADMIN; "
                + "each role may do what the roles before it may.");
    ObjectNode s = components.putObject("schemas");
    schemas.components().forEach(s::set);
    return root;
  }

  private static ObjectNode problemSchema() {
    ObjectNode s =
        F.objectNode()
            .put("type", "object")
            .put(
                "description",
                "RFC 9457 problem details; extension members name the field and what was expected.");
    ObjectNode p = s.putObject("properties");
    p.putObject("type")
        .put("type", "string")
        .put("description", "urn:credgraph:problem:<class of error>");
    p.putObject("title").put("type", "string");
    p.putObject("status").put("type", "integer");
    p.putObject("detail")
        .put("type", "string")
        .put("description", "what went wrong and what to fix");
    p.putObject("instance").put("type", "string");
    p.putObject("field")
        .put("type", "string")
        .put("description", "the offending field, e.g. person.idNumber");
    p.putObject("expected")
        .put(
            "description",
            "what was expected: the check character of an invalid key, the "
                + "allowed values of an enum, or a type");
    p.putObject("position")
        .put("type", "integer")
        .put("description", "1-based position of a wrong key character");
    p.putObject("incidentId")
        .put("type", "string")
        .put("description", "500 only: quote it to the operator");
    s.putArray("required").add("type").add("title").add("status").add("detail");
    return s;
  }

  /** The description of one operation. */
  public final class Operation {
    private final ObjectNode op;
    private final String path;
    private final ArrayNode params;

    Operation(ObjectNode op, String path) {
      this.op = op;
      this.path = path;
      this.params = F.arrayNode();
    }

    public Operation summary(String tag, String summary, String description) {
      op.putArray("tags").add(tag);
      op.put("summary", summary);
      if (description != null) {
        op.put("description", description);
      }
      op.put("operationId", operationId(op, summary));
      return this;
    }

    /** Who may call it; {@link Optional#empty()} for public operations. */
    public Operation access(Optional<Role> role) {
      if (role.isPresent()) {
        op.putArray("security").addObject().putArray("bearerAuth");
        String d = op.path("description").asText("");
        op.put(
            "description",
            (d.isEmpty() ? "" : d + "\n\n")
                + (role.get() == Role.SUBJECT
                    ? "Needs a subject's own key (role SUBJECT); no other key."
                    : "Needs a key with role " + role.get() + " or above."));
        op.put("x-credgraph-role", role.get().name());
      } else {
        op.putArray("security");
      }
      return this;
    }

    public Operation pathParam(String name, String description) {
      params
          .addObject()
          .put("name", name)
          .put("in", "path")
          .put("required", true)
          .put("description", description)
          .putObject("schema")
          .put("type", "string");
      return this;
    }

    public Operation query(String name, Type type, boolean required, String description) {
      ObjectNode p =
          params
              .addObject()
              .put("name", name)
              .put("in", "query")
              .put("required", required)
              .put("description", description);
      p.set("schema", schemas.of(type));
      return this;
    }

    public Operation header(String name, boolean required, String description) {
      params
          .addObject()
          .put("name", name)
          .put("in", "header")
          .put("required", required)
          .put("description", description)
          .putObject("schema")
          .put("type", "string");
      return this;
    }

    public Operation jsonBody(Type type, String description) {
      ObjectNode rb =
          op.putObject("requestBody").put("required", true).put("description", description);
      rb.putObject("content").putObject("application/json").set("schema", schemas.of(type));
      return this;
    }

    public Operation rawBody(String mediaType, String description) {
      ObjectNode rb =
          op.putObject("requestBody").put("required", true).put("description", description);
      rb.putObject("content")
          .putObject(mediaType)
          .putObject("schema")
          .put("type", "string")
          .put("format", "binary");
      return this;
    }

    public Operation ok(Type type, String description) {
      return answer(200, "application/json", type == null ? null : schemas.of(type), description);
    }

    /** A JSON answer with another status than 200 (201 Created, for example). */
    public Operation json(int status, Type type, String description) {
      return answer(status, "application/json", schemas.of(type), description);
    }

    public Operation answer(int status, String mediaType, ObjectNode schema, String description) {
      ObjectNode r =
          responses().putObject(Integer.toString(status)).put("description", description);
      if (schema != null) {
        r.putObject("content").putObject(mediaType).set("schema", schema);
      }
      return this;
    }

    /** Problem answers this operation can give, with what each means here. */
    public Operation errors(Map<Integer, String> errors) {
      ObjectNode res = responses();
      errors.forEach(
          (status, text) -> {
            ObjectNode r = res.putObject(Integer.toString(status)).put("description", text);
            r.putObject("content")
                .putObject(Problem.MEDIA_TYPE)
                .set("schema", schemas.of(ProblemMarker.class));
          });
      return this;
    }

    public ApiDescription done() {
      if (!params.isEmpty()) {
        op.set("parameters", params);
      }
      long declared =
          params.findValues("in").stream().filter(n -> "path".equals(n.asText())).count();
      long inPath = path.chars().filter(ch -> ch == '{').count();
      if (declared != inPath) {
        throw new IllegalStateException(
            path + ": " + inPath + " path parameters but " + declared + " described");
      }
      return ApiDescription.this;
    }

    private ObjectNode responses() {
      return op.has("responses") ? (ObjectNode) op.get("responses") : op.putObject("responses");
    }
  }

  private static String operationId(ObjectNode op, String summary) {
    String[] words = summary.replaceAll("[^A-Za-z0-9 ]", " ").trim().split("\\s+");
    StringBuilder b = new StringBuilder(words[0].toLowerCase(java.util.Locale.ROOT));
    for (int i = 1; i < words.length; i++) {
      b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return b.toString();
  }

  /**
   * Stands for {@link Problem} in schema lookups (its schema is written by hand: it has extension
   * members).
   */
  static final class ProblemMarker {
    private ProblemMarker() {}
  }
}
