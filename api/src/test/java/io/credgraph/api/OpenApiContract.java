package io.credgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The served OpenAPI document as a contract the HTTP tests hold every answer to: the document must
 * parse without messages (swagger-parser), a 2xx answer must be described for its operation and its
 * body must validate against the described schema (OpenAPI 3.0 dialect), and every error answer
 * must be a problem+json body that validates against the {@code Problem} schema (and against the
 * operation's own error schema where one is described).
 */
final class OpenApiContract {
  private static final ObjectMapper JSON = Json.mapper();

  /**
   * The address the document is known by to the schema registry (served from memory, never
   * fetched).
   */
  private static final String LOCATION = "https://credgraph.invalid/openapi.json";

  private final JsonNode doc;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final List<Template> templates = new ArrayList<>();

  private record Template(String path, Pattern pattern, int literals) {}

  private OpenApiContract(JsonNode doc, String json) {
    this.doc = doc;
    this.registry =
        SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(LOCATION, json)));
    for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext(); ) {
      String p = it.next();
      String regex = Pattern.quote(p).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q");
      templates.add(
          new Template(p, Pattern.compile(regex), p.replaceAll("\\{[^/}]+}", "").length()));
    }
    templates.sort((a, b) -> Integer.compare(b.literals(), a.literals()));
  }

  /**
   * Parses {@code openApiJson}, failing with swagger-parser's messages when it is not a valid
   * OpenAPI 3 document.
   */
  static OpenApiContract of(String openApiJson) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(openApiJson, null, options);
    if (parsed.getOpenAPI() == null
        || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
      throw new AssertionError(
          "/openapi.json is not a valid OpenAPI 3 document: " + parsed.getMessages());
    }
    try {
      return new OpenApiContract(JSON.readTree(openApiJson), openApiJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with this answer under the document; empty when it conforms. */
  List<String> problems(String method, String path, int status, String contentType, String body) {
    String op = method.toUpperCase(Locale.ROOT) + " " + path;
    Optional<Template> t =
        templates.stream().filter(x -> x.pattern().matcher(path).matches()).findFirst();
    if (t.isEmpty()) {
      return status == 404 || status == 405
          ? List.of()
          : List.of(op + ": no path of /openapi.json matches");
    }
    String m = method.toLowerCase(Locale.ROOT);
    JsonNode operation = doc.path("paths").path(t.get().path()).path(m);
    if (operation.isMissingNode()) {
      return status == 405 || status == 404
          ? List.of()
          : List.of(op + ": not described for " + t.get().path());
    }
    String code = Integer.toString(status);
    boolean success = status >= 200 && status < 300;
    JsonNode response = operation.path("responses").path(code);
    if (response.isMissingNode() && success) {
      return List.of(
          op + ": answered " + status + ", which " + t.get().path() + " does not describe");
    }
    String type =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (body == null || body.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (!success) {
      // an error is problem+json, unless the description declares another body for that status
      // (/health's DOWN)
      boolean declared = response.path("content").has(type);
      if (!type.equals("application/problem+json") && !declared) {
        return List.of(
            op
                + ": error "
                + status
                + " answered as '"
                + contentType
                + "', not application/problem+json");
      }
      if (!declared) {
        out.addAll(validate(op + " (" + status + ")", "#/components/schemas/Problem", body));
      }
    }
    if (response.isMissingNode()) {
      return out;
    }
    JsonNode content = response.path("content");
    if (!content.has(type)) {
      if (!success || !type.contains("json")) {
        return out;
      }
      out.add(
          op
              + ": answered "
              + type
              + " but "
              + status
              + " describes "
              + content.fieldNames().next());
      return out;
    }
    if (type.contains("json") && !content.path(type).path("schema").isMissingNode()) {
      String pointer =
          "#/paths/"
              + escape(t.get().path())
              + "/"
              + m
              + "/responses/"
              + code
              + "/content/"
              + escape(type)
              + "/schema";
      out.addAll(validate(op + " (" + status + ")", pointer, body));
    }
    return out;
  }

  private List<String> validate(String what, String pointer, String body) {
    Schema schema =
        schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(LOCATION + p)));
    List<Error> errors = schema.validate(body, InputFormat.JSON);
    List<String> out = new ArrayList<>();
    for (Error e : errors) {
      out.add(what + " at " + e.getInstanceLocation() + ": " + e.getMessage());
      if (out.size() >= 10) {
        out.add(what + ": ... " + (errors.size() - 10) + " more");
        break;
      }
    }
    return out;
  }

  /** A JSON pointer token in a URI fragment: '~' as ~0, '/' as ~1, braces percent-encoded. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }
}
