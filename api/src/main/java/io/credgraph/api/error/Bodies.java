package io.credgraph.api.error;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.credgraph.ValidationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Reads JSON request bodies into typed requests and turns every way a body can be wrong into an
 * error that names the field and says what was expected: malformed JSON (with line and column), an
 * unknown field (with the known ones), a wrong type, an unknown enum value (with the allowed ones),
 * or a value a record's constructor refused.
 */
public final class Bodies {
  /**
   * Request attribute with the largest JSON body this server accepts, in bytes (set before every
   * request).
   */
  public static final String LIMIT = "credgraph.maxBodyBytes";

  /** Reader attribute set while a request body is read: its dates are read strictly. */
  public static final String REQUEST_BODY = "credgraph.requestBody";

  private Bodies() {}

  public static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type) {
    Long limit = ctx.attribute(LIMIT);
    long max = limit == null ? io.credgraph.api.ApiConfig.DEFAULT_MAX_BODY : limit;
    byte[] body;
    try (java.io.InputStream in = BoundedBody.open(ctx, max, "the request body")) {
      body = in.readAllBytes();
    } catch (IOException e) {
      throw ApiException.malformedJson("the request body could not be read: " + e.getMessage());
    }
    if (body.length == 0) {
      throw ApiException.malformedJson(
          "the request body is empty; send a JSON object (see /openapi.json)");
    }
    try {
      return mapper.readerFor(type).withAttribute(REQUEST_BODY, Boolean.TRUE).readValue(body);
    } catch (JacksonException e) {
      throw translate(e);
    } catch (IOException e) {
      throw ApiException.malformedJson("the request body could not be read: " + e.getMessage());
    }
  }

  /** The exception to throw for a body Jackson could not read. */
  public static RuntimeException translate(JacksonException e) {
    if (e instanceof ValueInstantiationException vie
        && vie.getCause() instanceof ValidationException ve) {
      String path = path(vie);
      return path.isEmpty() ? ve : ve.under(path);
    }
    if (e instanceof JsonMappingException jme && jme.getCause() instanceof ValidationException ve) {
      String path = path(jme);
      return path.isEmpty() ? ve : ve.under(parent(path));
    }
    if (e instanceof UnrecognizedPropertyException upe) {
      List<String> known =
          upe.getKnownPropertyIds() == null
              ? List.of()
              : upe.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
      return ApiException.badRequest(
              path(upe),
              "unknown field '"
                  + upe.getPropertyName()
                  + "'"
                  + (known.isEmpty() ? "" : " (known fields: " + String.join(", ", known) + ")"))
          .with("expected", known);
    }
    if (e instanceof InvalidFormatException ife
        && ife.getTargetType() != null
        && ife.getTargetType().isEnum()) {
      List<String> allowed =
          Arrays.stream(ife.getTargetType().getEnumConstants()).map(String::valueOf).toList();
      return ApiException.badRequest(path(ife), "'" + ife.getValue() + "' is not one of " + allowed)
          .with("expected", allowed);
    }
    if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException
        || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
      JsonLocation loc = e.getLocation();
      String at =
          loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      return ApiException.malformedJson(
          "the request body is not valid JSON" + at + ": " + firstLine(e.getOriginalMessage()));
    }
    if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
      String path = path(mie);
      String expected = describe(mie.getTargetType());
      String where = path.isEmpty() ? "the body" : "field '" + path + "'";
      return ApiException.badRequest(
              path.isEmpty() ? null : path,
              where
                  + " must be "
                  + expected
                  + (e instanceof InvalidFormatException ife
                      ? " (got '" + ife.getValue() + "')"
                      : ""))
          .with("expected", expected);
    }
    if (e instanceof JsonMappingException jme) {
      String path = path(jme);
      return ApiException.badRequest(path.isEmpty() ? null : path, jme.getOriginalMessage());
    }
    JsonLocation loc = e.getLocation();
    String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    return ApiException.malformedJson(
        "the request body is not valid JSON" + at + ": " + e.getOriginalMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String describe(Class<?> t) {
    if (t == LocalDate.class) {
      return "a date YYYY-MM-DD";
    }
    if (Temporal.class.isAssignableFrom(t)) {
      return "an ISO-8601 date-time";
    }
    if (t == String.class) {
      return "a string";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray()) {
      return "an array";
    }
    return "an object";
  }

  /** {@code subjects[2].uscc} from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
