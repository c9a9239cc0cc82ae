package io.credgraph;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place Jackson is configured. Every mapper of the engine, datasets and gremlin comes from
 * here, and the API's request-body mapper is built on {@link #builder()}.
 *
 * <ul>
 *   <li>{@link #plain()}: Jackson's defaults, no modules. The formats written today with a plain
 *       mapper stay byte for byte what they are: stored properties ({@code PropertyCodec}), gremlin
 *       documents, rejection files, name variants, exchange lines written by the importers. Do not
 *       move those to {@link #json()}: a date would then be written as an ISO string where it is
 *       refused today, and an old file must keep reading the same.
 *   <li>{@link #json()}: for internal files of Java objects: {@code java.time} and {@code Optional}
 *       understood, dates written as ISO-8601 strings ({@code 2024-05-01}), not numbers.
 *   <li>{@link #yaml()}: the configuration files (lists, grades, rules, settings, mappings), read
 *       as trees.
 * </ul>
 *
 * <p>The shared mappers are thread-safe for reading and writing; never reconfigure them (that would
 * change every user): build a mapper of your own from {@link #builder()} or {@link #plainBuilder()}
 * instead.
 */
public final class Jsons {
  private static final JsonMapper PLAIN = plainBuilder().build();
  private static final JsonMapper JSON = builder().build();
  private static final YAMLMapper YAML = new YAMLMapper();

  private Jsons() {}

  /** The shared mapper with Jackson's defaults (the formats written before this class existed). */
  public static JsonMapper plain() {
    return PLAIN;
  }

  /**
   * A new builder with Jackson's defaults, for a plain mapper that reads or writes more strictly.
   */
  public static JsonMapper.Builder plainBuilder() {
    return JsonMapper.builder();
  }

  /** The shared mapper for internal files of Java objects (see {@link #builder()}). */
  public static JsonMapper json() {
    return JSON;
  }

  /**
   * A new builder with the common base: {@code java.time} and {@code Optional} modules, dates as
   * ISO-8601 strings. Add features on top (the API adds its strict reading of request bodies).
   */
  public static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  /** The shared YAML mapper, Jackson's defaults (configuration files are read as trees). */
  public static YAMLMapper yaml() {
    return YAML;
  }
}
