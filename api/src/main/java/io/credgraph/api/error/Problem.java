package io.credgraph.api.error;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem document ({@code application/problem+json}): {@code type}, {@code title},
 * {@code status}, {@code detail} (what to fix), {@code instance} (the request path), and extension
 * members such as {@code field}, {@code expected} or {@code incidentId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** Problem types are URNs under this prefix; the slug names the class of error. */
  public static final String TYPE_PREFIX = "urn:credgraph:problem:";

  private final String type;
  private final String title;
  private final int status;
  private final String detail;
  private final String instance;
  private final Map<String, Object> extensions = new LinkedHashMap<>();

  public Problem(String slug, String title, int status, String detail, String instance) {
    this.type = TYPE_PREFIX + Objects.requireNonNull(slug, "slug");
    this.title = Objects.requireNonNull(title, "title");
    this.status = status;
    this.detail = Objects.requireNonNull(detail, "detail");
    this.instance = instance;
  }

  /** Adds an extension member (ignored when {@code value} is null). */
  public Problem with(String name, Object value) {
    if (value != null) {
      extensions.put(name, value);
    }
    return this;
  }

  public String getType() {
    return type;
  }

  public String getTitle() {
    return title;
  }

  public int getStatus() {
    return status;
  }

  public String getDetail() {
    return detail;
  }

  public String getInstance() {
    return instance;
  }

  @JsonAnyGetter
  public Map<String, Object> extensions() {
    return extensions;
  }
}
