package io.credgraph.cypher;

import io.credgraph.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Cypher statements of the store, one per resource file {@code
 * io/credgraph/cypher/<name>.cypher}, named by intent. Statements take {@code $params} only;
 * comment lines ({@code //}) are stripped when loaded.
 */
public enum Statement {
  META_INIT,
  META_READ,
  META_LOCK,
  META_UPDATE,
  SUBJECT_BY_KEY,
  SUBJECT_BY_ID,
  SUBJECTS_BY_KEYS,
  SUBJECTS_EXISTING,
  SUBJECTS_CREATE,
  SUBJECTS_UPDATE,
  SUBJECTS_ALL,
  RELATIONS_BY_IDENTITY,
  RELATIONS_OPEN_UNTIL,
  RELATIONS_CREATE,
  RELATIONS_UPDATE,
  RELATIONS_OF_SUBJECT,
  RELATIONS_ALL,
  RECORD_BY_ID,
  RECORDS_BY_IDS,
  RECORDS_OF_SUBJECT,
  RECORDS_CREATE,
  RECORDS_UPDATE,
  RECORDS_ALL,
  PENDING_BY_IDS,
  PENDING_CREATE,
  PENDING_DELETE,
  PENDING_AWAITING,
  PENDING_ALL,
  CHECKPOINTS_BY_HASHES,
  CHECKPOINTS_UPSERT,
  CHECKPOINT_BY_HASH,
  CHECKPOINTS_ALL,
  COUNTS;

  /** Where the statement files live on the class path. */
  public static final String RESOURCE_DIR = "/io/credgraph/cypher/";

  private final String resource;
  private final String text;

  Statement() {
    this.resource = name().toLowerCase(Locale.ROOT).replace('_', '-') + ".cypher";
    this.text = load(resource);
  }

  /** The file name of this statement, e.g. {@code subject-by-key.cypher}. */
  public String resource() {
    return resource;
  }

  /** The statement's text without comment lines. */
  public String text() {
    return text;
  }

  /** The statements of {@code schema.cypher}, split at the {@code ;} that ends each. */
  public static List<String> schema() {
    List<String> out = new ArrayList<>();
    for (String s : load("schema.cypher").split(";")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return List.copyOf(out);
  }

  static String load(String resource) {
    try (InputStream in = Statement.class.getResourceAsStream(RESOURCE_DIR + resource)) {
      if (in == null) {
        throw new StoreException(
            "Cypher resource " + RESOURCE_DIR + resource + " is missing from the class path");
      }
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return raw.lines()
          .filter(l -> !l.strip().startsWith("//"))
          .collect(Collectors.joining("\n"))
          .strip();
    } catch (IOException e) {
      throw new StoreException("cannot read Cypher resource " + RESOURCE_DIR + resource, e, false);
    }
  }
}
