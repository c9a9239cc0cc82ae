package io.credgraph.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.credgraph.Jsons;

/**
 * The one JSON configuration of the API, built on the engine's common base ({@link
 * Jsons#builder()}: {@code java.time} and {@code Optional} modules): ISO dates ({@code YYYY-MM-DD},
 * instants as ISO-8601), absent optionals left out (lists are never absent: answers carry empty
 * lists), and strict reading of request bodies (unknown fields, trailing tokens, nulls for
 * primitives and numbers given as strings are errors that name the field).
 */
public final class Json {
  private Json() {}

  public static ObjectMapper mapper() {
    return Jsons.builder()
        .addModule(StrictDates.module())
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // an enum is given by its name: 0 is not APPLIED (found by JsonBodiesFuzzIT)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(
                JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
        .build();
  }
}
