package io.credgraph.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.credgraph.datasets.SampleCity;
import java.io.IOException;
import java.io.InputStream;

/**
 * The sample city's stories (stories.yaml) as HTTP requests: the one place that turns a story's
 * check into the body of {@code POST /api/v1/checks/appointment} or {@code /sanctions}.
 */
public final class StoryChecks {
  private StoryChecks() {}

  /** stories.yaml, read whole. */
  public static JsonNode stories() throws IOException {
    try (InputStream in = SampleCity.openStories()) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  /** The body of an appointment check: person, role, day and, where the story names one, target. */
  public static String appointmentBody(JsonNode check) {
    return "{\"person\":{\"idNumber\":\""
        + check.path("person").path("idNumber").asText()
        + "\"},\"role\":\""
        + check.path("role").asText()
        + "\",\"asOf\":\""
        + check.path("asOf").asText()
        + "\""
        + (check.has("enterprise")
            ? ",\"enterprise\":{\"uscc\":\""
                + check.path("enterprise").path("uscc").asText()
                + "\"}"
            : "")
        + "}";
  }

  /** The body of a sanctions check: the story's one subject, by USCC or ID number, and the day. */
  public static String sanctionsBody(JsonNode check) {
    JsonNode s = check.path("subject");
    String ref =
        s.has("uscc")
            ? "{\"uscc\":\"" + s.path("uscc").asText() + "\"}"
            : "{\"idNumber\":\"" + s.path("idNumber").asText() + "\"}";
    return "{\"subjects\":[" + ref + "],\"asOf\":\"" + check.path("asOf").asText() + "\"}";
  }
}
