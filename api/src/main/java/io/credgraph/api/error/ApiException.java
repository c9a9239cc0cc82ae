package io.credgraph.api.error;

import io.credgraph.CredgraphException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP-level failure that is not a domain error: a missing or unknown key, a role that may not,
 * a body that is too large or of the wrong media type. Mapped to problem+json by {@link
 * ErrorMapping} like every other exception.
 */
public final class ApiException extends CredgraphException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String slug;
  private final String title;
  private final transient Map<String, Object> extensions = new LinkedHashMap<>();

  private ApiException(int status, String slug, String title, String detail) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail);
  }

  public static ApiException tooLarge(String detail, long limit) {
    return new ApiException(413, "payload-too-large", "Payload too large", detail)
        .with("limitBytes", limit);
  }

  /** 429; the error mapping sends {@code Retry-After: seconds}. */
  public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
    return new ApiException(429, "too-many-requests", "Too many requests", detail)
        .with("retryAfterSeconds", retryAfterSeconds);
  }

  /** The value of an extension member, if set. */
  public java.util.Optional<Object> extension(String name) {
    return java.util.Optional.ofNullable(extensions.get(name));
  }

  public static ApiException unsupportedMediaType(String detail) {
    return new ApiException(415, "unsupported-media-type", "Unsupported media type", detail);
  }

  public static ApiException timeout(String detail) {
    return new ApiException(408, "request-timeout", "Request timeout", detail);
  }

  public static ApiException badRequest(String field, String detail) {
    return new ApiException(400, "invalid-field", "Invalid field", detail).with("field", field);
  }

  public static ApiException malformedJson(String detail) {
    return new ApiException(400, "malformed-json", "Malformed JSON", detail);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", detail);
  }

  public static ApiException unprocessable(String detail) {
    return new ApiException(422, "unprocessable", "Request cannot be processed", detail);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail);
  }

  public static ApiException unavailable(String detail) {
    return new ApiException(503, "unavailable", "Service unavailable", detail);
  }

  /**
   * The audit log cannot be written: nothing is answered unaudited (Retry-After is set by the
   * caller).
   */
  public static ApiException auditUnavailable(String detail) {
    return new ApiException(503, "audit-unavailable", "Audit log unavailable", detail);
  }

  public ApiException with(String name, Object value) {
    if (value != null) {
      extensions.put(name, value);
    }
    return this;
  }

  public int status() {
    return status;
  }

  Problem toProblem(String instance) {
    // details often quote the client's input: anything shaped like an ID number is masked, for
    // every caller
    Problem p =
        new Problem(
            slug, title, status, io.credgraph.api.view.Masking.scrub(getMessage()), instance);
    extensions.forEach(
        (k, v) -> p.with(k, v instanceof String t ? io.credgraph.api.view.Masking.scrub(t) : v));
    return p;
  }
}
