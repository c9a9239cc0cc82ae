package io.credgraph.cli;

import io.credgraph.api.auth.Role;
import io.credgraph.store.GraphStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the demo loads, and example requests against it. */
final class DemoData {
  private DemoData() {}

  /** Loads the demo data into {@code store}; returns a one-line summary. */
  static String load(GraphStore store, Path dir, PrintStream out) {
    return "the store is empty: the sample city is not part of this build yet (load batches with "
        + "POST /api/v1/batches once ingestion is available)";
  }

  static List<String> examples(String base, Map<Role, String> keys) {
    return List.of(
        "curl -s " + base + "/health",
        "curl -s " + base + "/api/v1/lists/DISHONEST_JUDGMENT_DEBTOR",
        "curl -s -H 'Authorization: Bearer " + keys.get(Role.INVESTIGATOR) + "' '" + base
            + "/api/v1/subjects?q=%E5%85%AC%E5%8F%B8'");
  }
}
